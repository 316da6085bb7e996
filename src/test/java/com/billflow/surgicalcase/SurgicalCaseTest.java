package com.billflow.surgicalcase;

import com.billflow.common.IllegalStatusException;
import com.billflow.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case's status machine: every move from every status, allowed or refused. */
class SurgicalCaseTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final PurchaseOrders PO = new PurchaseOrders("PO-1", Map.of());

    private static final Map<String, Consumer<SurgicalCase>> ACTIONS = Map.of(
            "recordPurchaseOrders", c -> c.recordPurchaseOrders(PO),
            "issueInvoice", c -> c.issueInvoice("INV-1", LocalDate.of(2026, 3, 1), 30),
            "recordInvoiceSent", c -> c.recordInvoiceSent(SendMethod.EMAIL, NOW),
            "markInvoicePaid", c -> c.markInvoicePaid(NOW),
            "markCommissionPaid", c -> c.markCommissionPaid(NOW),
            "cancel", c -> c.cancel(NOW));

    @Test
    void aNewCaseWaitsForItsPoAndSumsItsRoundedLines() {
        SurgicalCase c = newCase();
        assertThat(c.getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PO);
        assertThat(c.total().isEqualTo(Money.of("1067.88", "USD"))).isTrue();
        assertThat(c.manufacturers()).containsExactly("Acme", "Zimmer");
    }

    @Test
    void theHappyPathInEitherPaymentOrder() {
        SurgicalCase c = invoiced();
        c.markCommissionPaid(NOW);
        assertThat(c.getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PAYMENT);
        c.markInvoicePaid(NOW);
        assertThat(c.getStatus()).isEqualTo(SurgicalCaseStatus.PAID);
        assertThat(c.getDueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void onlyTheAllowedMovesPerStatus() {
        assertAllowed(newCase(), "recordPurchaseOrders", "cancel");
        SurgicalCase awaitingInvoice = newCase();
        awaitingInvoice.recordPurchaseOrders(PO);
        assertAllowed(awaitingInvoice, "issueInvoice");
        assertAllowed(invoiced(), "recordInvoiceSent", "markInvoicePaid", "markCommissionPaid");
        SurgicalCase paid = invoiced();
        paid.markInvoicePaid(NOW);
        paid.markCommissionPaid(NOW);
        assertAllowed(paid);
        SurgicalCase cancelled = newCase();
        cancelled.cancel(NOW);
        assertAllowed(cancelled);
    }

    @Test
    void aRefusalNamesTheCurrentStatus() {
        SurgicalCase c = invoiced();
        assertThatThrownBy(() -> c.cancel(NOW)).isInstanceOf(IllegalStatusException.class)
                .hasMessageContaining("is PENDING_PAYMENT: cannot cancel");
    }

    /** Tries every action on a fresh copy of the case's state and checks exactly {@code allowed} succeed. */
    private static void assertAllowed(SurgicalCase state, String... allowed) {
        for (Map.Entry<String, Consumer<SurgicalCase>> action : ACTIONS.entrySet()) {
            SurgicalCase copy = replay(state);
            boolean expected = List.of(allowed).contains(action.getKey());
            if (expected) {
                action.getValue().accept(copy);
            } else {
                SurgicalCaseStatus before = copy.getStatus();
                assertThatThrownBy(() -> action.getValue().accept(copy)).as(action.getKey() + " in " + before)
                        .isInstanceOf(IllegalStatusException.class).hasMessageContaining(before.name());
                assertThat(copy.getStatus()).isEqualTo(before);
            }
        }
    }

    /** Rebuilds a case in the same state by replaying the flags (the entity has no copy constructor). */
    private static SurgicalCase replay(SurgicalCase state) {
        SurgicalCase c = newCase();
        if (state.getStatus() == SurgicalCaseStatus.CANCELLED) {
            c.cancel(NOW);
            return c;
        }
        if (state.getStatus() == SurgicalCaseStatus.PENDING_PO) {
            return c;
        }
        c.recordPurchaseOrders(PO);
        if (state.isInvoiced()) {
            c.issueInvoice("INV-1", LocalDate.of(2026, 3, 1), 30);
        }
        if (state.isInvoicePaid()) {
            c.markInvoicePaid(NOW);
        }
        if (state.isCommissionPaid()) {
            c.markCommissionPaid(NOW);
        }
        return c;
    }

    private static SurgicalCase invoiced() {
        SurgicalCase c = newCase();
        c.recordPurchaseOrders(PO);
        c.issueInvoice("INV-1", LocalDate.of(2026, 3, 1), 30);
        return c;
    }

    private static SurgicalCase newCase() {
        return new SurgicalCase("SC-1", "F1", "Dr. A", "Knee", LocalDate.of(2026, 2, 1), "rep", "PT-1", USD, List.of(
                new SurgicalCaseLine("Acme", "A-1", "L1", null, "Stem", new BigDecimal("1"), Money.of("1000.00", "USD")),
                new SurgicalCaseLine("Zimmer", "Z-1", null, "S1", "Cement", new BigDecimal("1.5"), Money.of("45.25", "USD"))), NOW);
    }
}
