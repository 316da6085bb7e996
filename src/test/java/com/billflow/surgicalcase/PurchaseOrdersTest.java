package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseOrdersTest {

    private static final List<String> MANUFACTURERS = List.of("Acme", "Zimmer");

    @Test
    void onePoForAllManufacturersIsTrimmed() {
        PurchaseOrders po = PurchaseOrders.of("  PO-1 ", Map.of("Acme", " "), MANUFACTURERS);
        assertThat(po.isForAllManufacturers()).isTrue();
        assertThat(po.poFor("Zimmer")).isEqualTo("PO-1");
        assertThat(po.reference(MANUFACTURERS)).isEqualTo("PO-1");
    }

    @Test
    void onePoPerManufacturer() {
        PurchaseOrders po = PurchaseOrders.of(null, Map.of("Acme", "A-1", "Zimmer", " Z-2"), MANUFACTURERS);
        assertThat(po.byManufacturer()).containsExactlyInAnyOrderEntriesOf(Map.of("Acme", "A-1", "Zimmer", "Z-2"));
        assertThat(po.reference(MANUFACTURERS)).isEqualTo("Acme: A-1; Zimmer: Z-2");
    }

    @Test
    void refusesWhatCannotBeInvoiced() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("Acme", null);
        assertThatThrownBy(() -> PurchaseOrders.of("", withNull, MANUFACTURERS)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Enter the PO number");
        assertThatThrownBy(() -> PurchaseOrders.of(null, Map.of("Acme", "A-1"), MANUFACTURERS)).hasMessageContaining("missing for Zimmer");
        assertThatThrownBy(() -> PurchaseOrders.of("PO-1", Map.of("Acme", "A-1"), MANUFACTURERS)).hasMessageContaining("not both");
        assertThatThrownBy(() -> PurchaseOrders.of(null, Map.of("Acme", "A", "Zimmer", "Z", "Other", "O"), MANUFACTURERS))
                .hasMessageContaining("Not a manufacturer on this case: Other");
        assertThatThrownBy(() -> PurchaseOrders.of("P".repeat(65), null, MANUFACTURERS)).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> PurchaseOrders.of("PO\t1", null, MANUFACTURERS)).hasMessageContaining("control characters");
        assertThat(PurchaseOrders.of("P".repeat(64), null, MANUFACTURERS).allManufacturers()).hasSize(64);
    }
}
