package com.billflow.invoice.process;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.document.DocumentKind;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceDocumentService;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.LineKind;
import com.billflow.invoice.LineRequest;
import com.billflow.support.IntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** What Tasklist shows of invoice tasks: current form data, card variables in words, names per document type, filters. */
class InvoiceTasklistTest extends IntegrationTest {

    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceDocumentService documents;
    @Autowired
    FilterService filters;

    @Test
    void theCardAndTheFormFollowTheInvoiceWhileItsTaskWaits() {
        // given a new invoice waiting in Prepare Invoice
        Client client = fixtures.client(TransmitBy.EMAIL);
        Invoice invoice = invoices.create(new CreateInvoiceRequest(fixtures.laboratory(false, false, false, false).getCode(), client.getCode(),
                "JOB-CARD-" + System.nanoTime(), null, null), "office");
        Task prepare = taskOf(invoice);
        assertThat(prepare.getName()).isEqualTo("Prepare Invoice");
        assertThat(prepare.getDescription()).contains("make it a draft");
        assertThat(card(prepare)).containsEntry(VAR_CARD_KIND, "Invoice").containsEntry(VAR_CARD_CLIENT, client.getName())
                .containsEntry(VAR_CARD_STATUS, "Initial").containsEntry(VAR_CARD_TOTAL, "0.00 EUR");
        assertThat((String) card(prepare).get(VAR_CARD_NUMBER)).startsWith("Invoice draft, job JOB-CARD-");

        // when lines are added while the task waits
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.SAMPLE_TEST, "Water analysis", new BigDecimal("10"), new BigDecimal("123.45"), null), "office");

        // then the card's total and the form's summary are the invoice as it is now
        assertThat(card(prepare)).containsEntry(VAR_CARD_TOTAL, "1,234.50 EUR");
        assertThat(taskService().getVariableLocal(prepare.getId(), VAR_INVOICE_SUMMARY).toString()).contains("Water analysis").doesNotContain("No lines yet");

        // when an estimate is made while the task waits
        var estimate = documents.preliminary(invoice.getId(), DocumentKind.ESTIMATE);

        // then the form links it
        assertThat(taskService().getVariableLocal(prepare.getId(), VAR_INVOICE_PDF_URL)).isEqualTo("/api/invoices/" + invoice.getId() + "/documents/" + estimate.getId());
    }

    @Test
    void aCreditNotesTasksAreNamedForCreditNotesAndItsCardSaysSo() {
        // given a booked invoice
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Invoice invoice = invoices.create(new CreateInvoiceRequest(lab.getCode(), fixtures.client(TransmitBy.FAX).getCode(), "JOB-CN-" + System.nanoTime(), null, null), "office");
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.SAMPLE_TEST, "Soil analysis", new BigDecimal("2"), new BigDecimal("50.00"), null), "office");
        String processInstanceId = taskOf(invoice).getProcessInstanceId();
        for (String action : List.of("draft", "release", "authorise", "transmit")) {
            complete(taskOf(invoice), withVariables(VAR_INVOICE_ACTION, action));
        }
        var management = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService();
        management.createJobQuery().processInstanceId(processInstanceId).list().forEach(job -> management.executeJob(job.getId()));
        complete(taskOf(invoice), withVariables(VAR_INVOICE_ACTION, "book"));
        Task settlement = taskOf(invoice);
        assertThat(settlement.getName()).isEqualTo("Record Settlement");
        assertThat(card(settlement)).containsEntry(VAR_CARD_STATUS, "Booked").containsEntry(VAR_CARD_TOTAL, "100.00 EUR");

        // when it is credited
        complete(settlement, withVariables(VAR_INVOICE_ACTION, "credit"));

        // then the credit note waits in "Authorise Credit Note", its card in words
        Invoice creditNote = invoices.get(invoices.get(invoice.getId()).getCreditNoteId());
        Task authorise = taskOf(creditNote);
        assertThat(authorise.getTaskDefinitionKey()).isEqualTo(TASK_AUTHORISE_INVOICE);
        assertThat(authorise.getName()).isEqualTo("Authorise Credit Note");
        assertThat(authorise.getDescription()).contains("credit note");
        assertThat(card(authorise)).containsEntry(VAR_CARD_KIND, "Credit note").containsEntry(VAR_CARD_STATUS, "Released")
                .containsEntry(VAR_CARD_NUMBER, creditNote.getNumber()).containsEntry(VAR_CARD_TOTAL, "-100.00 EUR");

        // and the filter "Invoices to authorise" counts it and shows the card lines
        Filter filter = filters.createFilterQuery().filterName("Invoices to authorise").singleResult();
        assertThat(filters.count(filter.getId())).isPositive();
        assertThat(filters.list(filter.getId())).extracting(t -> ((Task) t).getId()).contains(authorise.getId());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> shown = (List<Map<String, String>>) filter.getProperties().get("variables");
        assertThat(shown).extracting(v -> v.get("name")).containsSubsequence(VAR_CARD_NUMBER, VAR_CARD_CLIENT, VAR_CARD_TOTAL, VAR_CARD_STATUS);
    }

    private static Task taskOf(Invoice invoice) {
        return taskService().createTaskQuery().processVariableValueEquals(VAR_INVOICE_ID, invoice.getId()).singleResult();
    }

    private static Map<String, Object> card(Task task) {
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return runtimeService().getVariables(pi.getId(), List.of(VAR_CARD_NUMBER, VAR_CARD_KIND, VAR_CARD_CLIENT, VAR_CARD_TOTAL, VAR_CARD_STATUS));
    }
}
