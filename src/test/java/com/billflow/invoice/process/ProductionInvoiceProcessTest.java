package com.billflow.invoice.process;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceHistory;
import com.billflow.invoice.InvoiceHistoryEntry;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceStatus;
import com.billflow.invoice.InvoiceType;
import com.billflow.invoice.LineKind;
import com.billflow.invoice.LineRequest;
import com.billflow.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Every path of ProductionInvoiceProcess and CreditNoteProcess, with the real delegates, database and SMTP server. */
class ProductionInvoiceProcessTest extends IntegrationTest {

    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceHistory history;

    @Test
    void manualPathFromInitialToPaidWithTheMailToTheClient() throws Exception {
        // given a laboratory without automation and a client who wants email
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.EMAIL);
        Invoice invoice = newInvoice(lab, client);
        ProcessInstance pi = processOf(invoice);

        // when it goes through every manual step
        assertThat(pi).isWaitingAt(TASK_PREPARE_INVOICE).task().hasCandidateGroup("office-manager");
        act(pi, "draft");
        assertThat(status(invoice)).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(pi).isWaitingAt(TASK_REVIEW_INVOICE);
        act(pi, "release");
        Invoice released = invoices.get(invoice.getId());
        assertThat(released.getStatus()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(released.getNumber()).startsWith(lab.getCode() + "-INV-");
        assertThat(pi).isWaitingAt(TASK_AUTHORISE_INVOICE);
        act(pi, "authorise");
        assertThat(pi).isWaitingAt(TASK_TRANSMIT_INVOICE);
        act(pi, "transmit");
        assertThat(pi).isWaitingAt(TASK_DELIVER_INVOICE);
        execute(jobOf(pi));

        // then the client got the PDF
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(client.getInvoiceContactEmail());
        assertThat(mails[0].getSubject()).contains(released.getNumber()).contains(lab.getName());
        assertThat(com.billflow.support.Mails.pdfText(mails[0])).contains(released.getNumber(), "123.45");
        assertThat(status(invoice)).isEqualTo(InvoiceStatus.TRANSMITTED);

        // when the client books and pays
        act(pi, "book");
        act(pi, "pay");

        // then
        assertThat(pi).isEnded().hasPassed(END_INVOICE_PAID);
        assertThat(history.of(invoice.getId())).extracting(InvoiceHistoryEntry::getTo).containsExactly(InvoiceStatus.INITIAL,
                InvoiceStatus.DRAFT, InvoiceStatus.RELEASED, InvoiceStatus.AUTHORISED, InvoiceStatus.TRANSMITTED,
                InvoiceStatus.BOOKED, InvoiceStatus.PAID);
    }

    @Test
    void anSmtpOutageEndsAsAnIncidentAndTheRetrySendsExactlyOneMail() {
        // given an invoice being transmitted by email while the SMTP server is down
        ProcessInstance pi = authorisedInvoice(fixtures.laboratory(false, false, false, false), fixtures.client(TransmitBy.EMAIL));
        act(pi, "transmit");
        org.camunda.bpm.engine.runtime.Job delivery = jobOf(pi);
        smtp.stop();
        var management = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService();
        for (int attempt = 0; attempt < 5 && management.createJobQuery().jobId(delivery.getId()).singleResult().getRetries() > 0; attempt++) {
            assertThatThrownBy(() -> management.executeJob(delivery.getId())).isNotNull();
        }

        // then an incident, the invoice still AUTHORISED
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(status(pi)).isEqualTo(InvoiceStatus.AUTHORISED);

        // when the server is back and the job is retried
        smtp.start();
        management.setJobRetries(delivery.getId(), 1);
        management.executeJob(delivery.getId());

        // then exactly one mail and the invoice is TRANSMITTED
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(status(pi)).isEqualTo(InvoiceStatus.TRANSMITTED);
        assertThat(pi).isWaitingAt(TASK_RECORD_CLIENT_RESPONSE);
    }

    @Test
    void aLaboratoryWithAutomationAuthorisesTransmitsAndBooksByItself() {
        // given
        Invoice invoice = newInvoice(fixtures.laboratory(true, true, true, false), fixtures.client(TransmitBy.MAIL));
        ProcessInstance pi = processOf(invoice);
        act(pi, "draft");

        // when released, and the delivery step has run
        act(pi, "release");
        assertThat(pi).isWaitingAt(TASK_DELIVER_INVOICE).hasPassed(TASK_AUTHORISE_AUTOMATICALLY).hasNotPassed(TASK_AUTHORISE_INVOICE);
        execute(jobOf(pi));

        // then it waits for the settlement, and the skipped steps are in the history, done by "system"
        assertThat(pi).isWaitingAt(TASK_RECORD_SETTLEMENT).hasPassed(TASK_BOOK_AUTOMATICALLY);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        Invoice booked = invoices.get(invoice.getId());
        assertThat(booked.getStatus()).isEqualTo(InvoiceStatus.BOOKED);
        assertThat(booked.getTransmittedBy()).isEqualTo("MAIL");
        assertThat(history.of(invoice.getId())).filteredOn(e -> e.getTo() == InvoiceStatus.AUTHORISED || e.getTo() == InvoiceStatus.BOOKED)
                .extracting(InvoiceHistoryEntry::getWho).containsOnly(InvoiceHistory.SYSTEM);
    }

    @Test
    void unauthoriseGoesBackToAuthorisation() {
        ProcessInstance pi = authorisedInvoice(fixtures.laboratory(false, false, false, false));
        act(pi, "unauthorise");
        assertThat(pi).isWaitingAt(TASK_AUTHORISE_INVOICE);
        assertThat(status(pi)).isEqualTo(InvoiceStatus.RELEASED);
    }

    @Test
    void cancelFromEveryStatusThatAllowsItNeedsAReason() {
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.FAX);
        List<String> stepsBefore = List.of("draft", "release", "authorise");
        for (int steps = 0; steps <= stepsBefore.size(); steps++) {
            // given an invoice in INITIAL, DRAFT, RELEASED and AUTHORISED in turn
            Invoice invoice = newInvoice(lab, client);
            ProcessInstance pi = processOf(invoice);
            stepsBefore.subList(0, steps).forEach(step -> act(pi, step));
            String taskId = taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
            InvoiceStatus before = status(invoice);

            // then cancelling without a reason is refused, and with one it ends CANCELLED
            assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_INVOICE_ACTION, "cancel")))
                    .hasMessageContaining("A reason is required to cancel");
            assertThat(status(invoice)).isEqualTo(before);
            taskService().complete(taskId, Map.of(VAR_INVOICE_ACTION, "cancel", VAR_REASON, "Job withdrawn"));
            assertThat(pi).isEnded().hasPassed(END_INVOICE_CANCELLED);
            assertThat(status(invoice)).isEqualTo(InvoiceStatus.CANCELLED);
            assertThat(history.of(invoice.getId()).get(history.of(invoice.getId()).size() - 1).getReason()).isEqualTo("Job withdrawn");
        }
    }

    @Test
    void theClientRejectsWithAReason() {
        ProcessInstance pi = transmittedInvoice(fixtures.laboratory(false, false, false, false));
        complete(taskOf(pi), withVariables(VAR_INVOICE_ACTION, "reject", VAR_REASON, "Wrong job number"));
        assertThat(pi).isEnded().hasPassed(END_INVOICE_REJECTED);
        assertThat(status(pi)).isEqualTo(InvoiceStatus.REJECTED);
    }

    @Test
    void theClientsSystemBooksAndPaysByMessage() {
        ProcessInstance pi = transmittedInvoice(fixtures.laboratory(false, false, false, false));
        Long invoiceId = invoiceIdOf(pi);
        runtimeService().createMessageCorrelation(MESSAGE_INVOICE_BOOKED).processInstanceVariableEquals(VAR_INVOICE_ID, invoiceId).correlate();
        assertThat(pi).isWaitingAt(TASK_RECORD_SETTLEMENT);
        runtimeService().createMessageCorrelation(MESSAGE_INVOICE_PAID).processInstanceVariableEquals(VAR_INVOICE_ID, invoiceId).correlate();
        assertThat(pi).isEnded().hasPassed(END_INVOICE_PAID);
        assertThat(invoices.get(invoiceId).getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void creditIssuesALinkedCreditNoteThatGoesThroughItsOwnProcess() {
        // given a booked invoice
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        ProcessInstance pi = transmittedInvoice(lab);
        act(pi, "book");

        // when credited
        act(pi, "credit");

        // then
        assertThat(pi).isEnded().hasPassed(END_INVOICE_CREDITED);
        Invoice original = invoices.get(invoiceIdOf(pi));
        assertThat(original.getStatus()).isEqualTo(InvoiceStatus.CREDITED);
        Invoice creditNote = invoices.get(original.getCreditNoteId());
        assertThat(creditNote.getType()).isEqualTo(InvoiceType.CREDIT_NOTE);
        assertThat(creditNote.getStatus()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(creditNote.getOriginalInvoiceId()).isEqualTo(original.getId());
        assertThat(creditNote.getNumber()).startsWith(lab.getCode() + "-CN-");
        assertThat(creditNote.total().isEqualTo(original.total().negate())).isTrue();

        // and the credit note is authorised, transmitted and booked in CreditNoteProcess
        ProcessInstance creditNoteProcess = runtimeService().createProcessInstanceQuery().processDefinitionKey(CreditNoteProcess.PROCESS_KEY)
                .variableValueEquals(VAR_INVOICE_ID, creditNote.getId()).singleResult();
        assertThat(creditNoteProcess).isWaitingAt(TASK_AUTHORISE_INVOICE);
        act(creditNoteProcess, "authorise");
        act(creditNoteProcess, "transmit");
        execute(jobOf(creditNoteProcess));
        act(creditNoteProcess, "book");
        assertThat(creditNoteProcess).isEnded().hasPassed(CreditNoteProcess.END_CREDIT_NOTE_BOOKED);
        assertThat(invoices.get(creditNote.getId()).getStatus()).isEqualTo(InvoiceStatus.BOOKED);
        assertThat(invoices.get(creditNote.getId()).allowedActions()).isEmpty();
    }

    @Test
    void aLaboratoryThatAutoBooksCreditNotesGetsThemBookedAtOnce() {
        ProcessInstance pi = transmittedInvoice(fixtures.laboratory(false, false, false, true));
        act(pi, "book");
        act(pi, "credit");
        Invoice creditNote = invoices.get(invoices.get(invoiceIdOf(pi)).getCreditNoteId());
        assertThat(creditNote.getStatus()).isEqualTo(InvoiceStatus.BOOKED);
        ProcessInstance creditNoteProcess = runtimeService().createProcessInstanceQuery().processDefinitionKey(CreditNoteProcess.PROCESS_KEY)
                .variableValueEquals(VAR_INVOICE_ID, creditNote.getId()).singleResult();
        assertThat(creditNoteProcess).isNull();
    }

    @Test
    void mergingInitialInvoicesMakesOneDraftAndEndsTheOthers() {
        // given three INITIAL invoices of one laboratory and client
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.EMAIL);
        Invoice first = newInvoice(lab, client);
        Invoice second = newInvoice(lab, client);
        Invoice third = newInvoice(lab, client);
        Map<Invoice, ProcessInstance> processes = Map.of(first, processOf(first), second, processOf(second), third, processOf(third));

        // when
        Invoice merged = invoices.merge(List.of(first.getId(), second.getId(), third.getId()), "office");

        // then
        assertThat(merged.getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(merged.getLines()).hasSize(3);
        assertThat(merged.total().amount()).isEqualByComparingTo("370.35");
        assertThat(processes.get(first)).isWaitingAt(TASK_REVIEW_INVOICE);
        for (Invoice other : List.of(second, third)) {
            assertThat(invoices.get(other.getId()).getStatus()).isEqualTo(InvoiceStatus.MERGED);
            assertThat(invoices.get(other.getId()).getMergedIntoId()).isEqualTo(first.getId());
            assertThat(processes.get(other)).isEnded().hasPassed(END_INVOICE_MERGED);
        }
    }

    @Test
    void tasklistRefusesToReleaseANegativeInvoiceAndTheTaskStaysOpen() {
        // given a draft of 100.00 with a 60 % discount and a 60 % rebate, waiting at Review Invoice
        Invoice invoice = newInvoice(fixtures.laboratory(false, false, false, false), fixtures.client(TransmitBy.EMAIL));
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.DISCOUNT, "Framework", null, null, new BigDecimal("60")), "office");
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.REBATE, "Volume", null, null, new BigDecimal("60")), "office");
        ProcessInstance pi = processOf(invoice);
        act(pi, "draft");
        assertThat(invoices.get(invoice.getId()).total().amount()).isEqualByComparingTo("-24.69");
        String taskId = taskOf(pi).getId();
        int historyRows = history.of(invoice.getId()).size();

        // when the office manager chooses release in the form
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_INVOICE_ACTION, "release")))
                .hasMessageContaining("cannot be released: its total -24.69 EUR is negative");

        // then nothing moved, nothing was numbered, and the task waits for a change or a cancel
        assertThat(pi).isWaitingAt(TASK_REVIEW_INVOICE);
        assertThat(taskOf(pi).getId()).isEqualTo(taskId);
        Invoice after = invoices.get(invoice.getId());
        assertThat(after.getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(after.getNumber()).isNull();
        assertThat(history.of(invoice.getId())).hasSize(historyRows);
    }

    @Test
    void aPartialPaymentKeepsTheInvoiceBookedAndRecordSettlementOpenUntilTheClientsMessagePaysTheRest() {
        // given a booked invoice of 123.45 EUR
        ProcessInstance pi = transmittedInvoice(fixtures.laboratory(false, false, false, false));
        act(pi, "book");
        Long invoiceId = invoiceIdOf(pi);

        // when a part is paid through the form
        complete(taskOf(pi), withVariables(VAR_INVOICE_ACTION, "pay", VAR_PAYMENT_AMOUNT, "100.00", VAR_PAYMENT_DATE, "2026-01-15",
                VAR_PAYMENT_REFERENCE, "Bank transfer 1"));

        // then the invoice stays BOOKED and Record Settlement waits again, showing what is open
        assertThat(status(pi)).isEqualTo(InvoiceStatus.BOOKED);
        assertThat(pi).isWaitingAt(TASK_RECORD_SETTLEMENT).hasPassed(GATEWAY_PAID_IN_FULL);
        assertThat(taskService().getVariableLocal(taskOf(pi).getId(), VAR_OPEN_AMOUNT)).isEqualTo("23.45 EUR");
        String taskId = taskOf(pi).getId();
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_INVOICE_ACTION, "pay", VAR_PAYMENT_AMOUNT, "23.46")))
                .hasMessageContaining("more than the open amount 23.45 EUR");
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_INVOICE_ACTION, "pay", VAR_PAYMENT_AMOUNT, "1.001")))
                .hasMessageContaining("more decimals than EUR allows");

        // when the client's system reports the rest by message, without an amount (the open amount)
        runtimeService().createMessageCorrelation(MESSAGE_INVOICE_PAID).processInstanceVariableEquals(VAR_INVOICE_ID, invoiceId)
                .setVariable(VAR_PAYMENT_REFERENCE, "Bank transfer 2").correlate();

        // then
        assertThat(pi).isEnded().hasPassed(END_INVOICE_PAID);
        assertThat(status(pi)).isEqualTo(InvoiceStatus.PAID);
        List<InvoiceHistoryEntry> rows = history.of(invoiceId);
        InvoiceHistoryEntry partial = rows.get(rows.size() - 2);
        assertThat(partial.getFrom()).isEqualTo(InvoiceStatus.BOOKED);
        assertThat(partial.getTo()).isEqualTo(InvoiceStatus.BOOKED);
        assertThat(partial.getReason()).contains("100.00 EUR", "2026-01-15", "Bank transfer 1", "partial", "23.45 EUR still open");
        assertThat(rows.get(rows.size() - 1).getTo()).isEqualTo(InvoiceStatus.PAID);
        assertThat(rows.get(rows.size() - 1).getReason()).contains("23.45 EUR", "Bank transfer 2", "paid in full");
    }

    private ProcessInstance authorisedInvoice(Laboratory lab) {
        return authorisedInvoice(lab, fixtures.client(TransmitBy.FAX));
    }

    private ProcessInstance authorisedInvoice(Laboratory lab, Client client) {
        ProcessInstance pi = processOf(newInvoice(lab, client));
        act(pi, "draft");
        act(pi, "release");
        act(pi, "authorise");
        return pi;
    }

    private ProcessInstance transmittedInvoice(Laboratory lab) {
        ProcessInstance pi = authorisedInvoice(lab);
        act(pi, "transmit");
        execute(jobOf(pi));
        assertThat(pi).isWaitingAt(TASK_RECORD_CLIENT_RESPONSE);
        return pi;
    }

    private Invoice newInvoice(Laboratory lab, Client client) {
        Invoice invoice = invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), "JOB-" + System.nanoTime(), null, null), "office");
        return invoices.addLine(invoice.getId(), new LineRequest(LineKind.SAMPLE_TEST, "Water analysis", new BigDecimal("1"), new BigDecimal("123.45"), null), "office");
    }

    /** Completes the process's one open task with {@code action}, as Tasklist does. */
    private static void act(ProcessInstance pi, String action) {
        complete(taskOf(pi), withVariables(VAR_INVOICE_ACTION, action));
    }

    private static org.camunda.bpm.engine.task.Task taskOf(ProcessInstance pi) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static org.camunda.bpm.engine.runtime.Job jobOf(ProcessInstance pi) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    }

    private InvoiceStatus status(Invoice invoice) {
        return invoices.get(invoice.getId()).getStatus();
    }

    private InvoiceStatus status(ProcessInstance pi) {
        return invoices.get(invoiceIdOf(pi)).getStatus();
    }

    private static Long invoiceIdOf(ProcessInstance pi) {
        return ((Number) org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(VAR_INVOICE_ID).singleResult().getValue()).longValue();
    }

    /** The invoice's running process; take it while the process runs, assertions work on it after it ended. */
    private static ProcessInstance processOf(Invoice invoice) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(VAR_INVOICE_ID, invoice.getId()).singleResult();
    }
}
