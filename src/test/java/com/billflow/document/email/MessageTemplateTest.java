package com.billflow.document.email;

import com.billflow.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplateTest {

    @Test
    void acceptsEveryKnownPlaceholderAndPlainText() {
        String all = String.join(" ", MessageTemplate.PLACEHOLDERS.stream().map(name -> "{" + name + "}").toList());

        assertThatCode(() -> MessageTemplate.check("emailBodyTemplate", all)).doesNotThrowAnyException();
        assertThatCode(() -> MessageTemplate.check("emailBodyTemplate", "No placeholders at all {}")).doesNotThrowAnyException();
        assertThatCode(() -> MessageTemplate.check("emailBodyTemplate", null)).doesNotThrowAnyException();
        assertThat(MessageTemplate.PLACEHOLDERS).containsExactly(
                "invoiceNumber", "documentType", "laboratoryName", "clientName", "jobNumber", "total", "dueDate");
    }

    @Test
    void refusesAnUnknownPlaceholderNamingFieldAndPlaceholder() {
        assertThatThrownBy(() -> MessageTemplate.check("emailSubjectTemplate", "Invoice {invoiceNumber} {foo}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("emailSubjectTemplate: unknown placeholder {foo}")
                .hasMessageContaining("{invoiceNumber}");
        assertThatThrownBy(() -> MessageTemplate.check("emailBodyTemplate", "{invoice Number}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("{invoice Number}");
        assertThatThrownBy(() -> MessageTemplate.check("emailBodyTemplate", "{InvoiceNumber}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("{InvoiceNumber}");
    }

    @Test
    void rendersValuesAndLeavesMissingOnesEmpty() {
        Map<String, String> values = new HashMap<>();
        values.put("invoiceNumber", "LAB-INV-2026-00007");
        values.put("total", "$1,250.00 \\ 1");
        values.put("clientName", null);

        String text = MessageTemplate.render("Invoice {invoiceNumber} for {clientName}: {total}, due {dueDate}.", values);

        assertThat(text).isEqualTo("Invoice LAB-INV-2026-00007 for : $1,250.00 \\ 1, due .");
    }

    @Test
    void rendersRepeatedPlaceholdersAndKeepsOtherBraces() {
        String text = MessageTemplate.render("{jobNumber}/{jobNumber} {}", Map.of("jobNumber", "J-1"));

        assertThat(text).isEqualTo("J-1/J-1 {}");
    }
}
