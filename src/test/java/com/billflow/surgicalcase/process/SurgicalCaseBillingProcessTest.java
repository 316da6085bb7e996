package com.billflow.surgicalcase.process;

import com.billflow.money.Money;
import com.billflow.payment.Payment;
import com.billflow.payment.PaymentOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import static com.billflow.support.Mails.pdfText;
import com.billflow.surgicalcase.SendMethod;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.billflow.surgicalcase.SurgicalCaseStatus;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Every path of SurgicalCaseBillingProcess, with the real delegates, database and SMTP server. */
class SurgicalCaseBillingProcessTest extends IntegrationTest {

    @Autowired
    SurgicalCaseService cases;

    @Test
    void poForAllManufacturersThenEmailThenBothPaymentsEndsPaid() throws Exception {
        // given
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);
        assertThat(pi).isWaitingAt(TASK_ADD_PURCHASE_ORDER).task().hasCandidateGroup(Groups.BILLING).hasCandidateUser(submitted.getRep());

        // when the PO arrives
        complete(task(), withVariables(VAR_PO_ALL_MANUFACTURERS, "  PO-4711 "));

        // then the case waits for payment and its invoice is generated asynchronously
        assertThat(cases.get(submitted.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PAYMENT);
        assertThat(pi).isWaitingAt(TASK_GENERATE_INVOICE);
        execute(job());
        assertThat(pi).isWaitingAt(TASK_SEND_INVOICE).task().hasCandidateGroup(Groups.BILLING);
        assertThat(pi).variables().containsEntry(VAR_EMAIL_TO, "first@" + submitted.getFacilityCode().toLowerCase() + ".example");

        // when billing sends it by email with a Reply-To and subject of their own
        complete(task(), withVariables(VAR_SEND_INVOICE_BY, "EMAIL", VAR_EMAIL_REPLY_TO, "ar@billflow.example",
                VAR_EMAIL_SUBJECT, "Your invoice", VAR_EMAIL_ALL_CONTACTS, true));
        assertThat(pi).isWaitingAt(TASK_EMAIL_INVOICE);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        execute(job());

        // then one mail per recipient, with the PDF attached
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Your invoice");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("ar@billflow.example");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(
                "first@" + submitted.getFacilityCode().toLowerCase() + ".example", "second@" + submitted.getFacilityCode().toLowerCase() + ".example");
        SurgicalCase invoiced = cases.get(submitted.getId());
        assertThat(pdfText(mail)).contains(invoiced.getInvoiceNumber(), "PO-4711", "1588.38", "67.88", "PT-42A", "LOT LOT-1", "SN SN-1");
        assertThat(invoiced.getInvoiceSentAt()).isNotNull();
        assertThat(invoiced.getInvoiceSentBy()).isEqualTo(SendMethod.EMAIL);
        assertThat(pi).isWaitingAt(TASK_MARK_INVOICE_PAID, TASK_MARK_COMMISSION_PAID);

        // when commission first (amount and period), then the invoice as the form sends it (the open amount by default)
        complete(task(TASK_MARK_COMMISSION_PAID), withVariables(VAR_COMMISSION_AMOUNT, "79.42", VAR_COMMISSION_PERIOD, "2026-11"));
        assertThat(cases.get(submitted.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PAYMENT);
        assertThat(task(TASK_MARK_INVOICE_PAID)).hasDefinitionKey(TASK_MARK_INVOICE_PAID);
        assertThat(taskService().getVariableLocal(task(TASK_MARK_INVOICE_PAID).getId(), VAR_OPEN_AMOUNT)).isEqualTo(invoiced.total().toString());
        complete(task(TASK_MARK_INVOICE_PAID), withVariables(VAR_PAYMENT_REFERENCE, "Remittance 4711", VAR_PAYMENT_AMOUNT, ""));

        // then
        assertThat(pi).isEnded().hasPassed(END_CASE_PAID);
        assertThat(cases.get(submitted.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PAID);
        assertThat(cases.payments(submitted.getId())).extracting(p -> p.amount().amount().toPlainString(), Payment::getReference, Payment::getOutcome)
                .containsExactly(tuple(invoiced.total().amount().toPlainString(), "Remittance 4711", PaymentOutcome.FULL),
                        tuple("79.42", null, PaymentOutcome.FULL));
        assertThat(cases.payments(submitted.getId()).get(1).getPeriod()).isEqualTo("2026-11");
        assertThat(processEngine.getRuntimeService().createVariableInstanceQuery().variableName(VAR_PAYMENT_AMOUNT).count()).isZero();
    }

    @Test
    void aPartialInvoicePaymentKeepsTheCaseOpenAndBringsMarkInvoicePaidBackUntilTheTotalIsReached() {
        // given an invoiced, sent case whose commission is paid
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);
        assertThat(pi).isWaitingAt(TASK_ADD_PURCHASE_ORDER);
        complete(task(), withVariables(VAR_PO_ALL_MANUFACTURERS, "PO-1"));
        execute(job());
        complete(task(), withVariables(VAR_SEND_INVOICE_BY, "MANUAL"));
        complete(task(TASK_MARK_COMMISSION_PAID), withVariables(VAR_COMMISSION_AMOUNT, "50", VAR_COMMISSION_PERIOD, "2026-10-01..2026-10-31"));
        Money total = cases.get(submitted.getId()).total();
        LocalDate today = LocalDate.now(clock);

        // when a part of the invoice is paid
        complete(task(TASK_MARK_INVOICE_PAID), withVariables(VAR_PAYMENT_AMOUNT, "1000.00", VAR_PAYMENT_DATE, today.minusDays(1).toString(),
                VAR_PAYMENT_REFERENCE, "First instalment"));

        // then the case stays open and the task is back, showing what is left
        assertThat(pi).isWaitingAt(TASK_MARK_INVOICE_PAID).hasPassed(GATEWAY_INVOICE_PAID_IN_FULL);
        assertThat(cases.get(submitted.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PAYMENT);
        assertThat(cases.get(submitted.getId()).isInvoicePaid()).isFalse();
        Money open = total.plus(Money.of(new BigDecimal("-1000.00"), total.currency()));
        assertThat(taskService().getVariableLocal(task(TASK_MARK_INVOICE_PAID).getId(), VAR_OPEN_AMOUNT)).isEqualTo(open.toString());

        // when more than the rest is offered, it is refused and the task stays
        String taskId = task(TASK_MARK_INVOICE_PAID).getId();
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_PAYMENT_AMOUNT, "9999.99")))
                .hasMessageContaining("more than the open amount " + open);
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_PAYMENT_AMOUNT, "ten")))
                .hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_PAYMENT_DATE, today.plusDays(1).toString())))
                .hasMessageContaining("is in the future");
        assertThat(task(TASK_MARK_INVOICE_PAID).getId()).isEqualTo(taskId);

        // when the rest is paid
        complete(task(TASK_MARK_INVOICE_PAID), withVariables(VAR_PAYMENT_AMOUNT, open.toPlainString()));

        // then
        assertThat(pi).isEnded().hasPassed(END_CASE_PAID);
        assertThat(cases.get(submitted.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PAID);
        List<Payment> payments = cases.payments(submitted.getId());
        assertThat(payments).extracting(Payment::getOutcome).containsExactly(PaymentOutcome.PARTIAL, PaymentOutcome.FULL, PaymentOutcome.FULL);
        assertThat(payments.get(0).getPaymentDate()).isEqualTo(today.minusDays(1));
        assertThat(payments.get(0).openAfter()).isEqualTo(open);
        assertThat(payments.get(1).getPaymentDate()).isEqualTo(today);
        assertThat(payments.get(2).getPeriod()).isEqualTo("2026-10-01..2026-10-31");
    }

    @Test
    void poPerManufacturerFromTheFormsFields() {
        // given
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);

        // when the rep ticks "Different PO per manufacturer" and fills the field labelled for each
        complete(taskOf(pi), withVariables("poPerManufacturer", true, "poNumber1", " A-1", "poNumber2", "Z-2"));

        // then
        assertThat(pi).isWaitingAt(TASK_GENERATE_INVOICE);
        assertThat(cases.get(submitted.getId()).purchaseOrders().byManufacturer()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Acme Ortho", "A-1", "Zimmer", "Z-2"));
    }

    @Test
    void poPerManufacturerAsTheJsonList() {
        // given
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);

        // when an integration sends one row per manufacturer
        complete(taskOf(pi), Variables.createVariables().putValue(VAR_PO_ALL_MANUFACTURERS, "")
                .putValueTyped(VAR_PO_BY_MANUFACTURER, SpinValues.jsonValue(
                        "[{\"manufacturer\":\"Acme Ortho\",\"poNumber\":\"A-1\"},{\"manufacturer\":\"Zimmer\",\"poNumber\":\"Z-2\"}]").create()));

        // then
        assertThat(pi).isWaitingAt(TASK_GENERATE_INVOICE);
        assertThat(cases.get(submitted.getId()).purchaseOrders().byManufacturer()).containsExactlyInAnyOrderEntriesOf(
                Map.of("Acme Ortho", "A-1", "Zimmer", "Z-2"));
    }

    @Test
    void incompleteOrMalformedPoIsRefusedAndTheTaskStaysOpen() {
        // given
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);
        String taskId = taskOf(pi).getId();

        // then each bad entry is refused with a message that says what to fix
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_PO_ALL_MANUFACTURERS, "   ")))
                .hasMessageContaining("Enter the PO number");
        assertThatThrownBy(() -> taskService().complete(taskId, Variables.createVariables().putValueTyped(VAR_PO_BY_MANUFACTURER,
                SpinValues.jsonValue("[{\"manufacturer\":\"Acme Ortho\",\"poNumber\":\"A-1\"},{\"manufacturer\":\"Zimmer\",\"poNumber\":\"\"}]").create())))
                .hasMessageContaining("missing for Zimmer");
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_PO_ALL_MANUFACTURERS, "x".repeat(65))))
                .hasMessageContaining("at most 64");
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_PO_ALL_MANUFACTURERS, "PO\n1")))
                .hasMessageContaining("control characters");
        assertThat(pi).isWaitingAt(TASK_ADD_PURCHASE_ORDER);
        assertThat(cases.get(submitted.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PO);
    }

    @Test
    void sentManuallyRecordsTheSendWithoutMail() {
        // given
        ProcessInstance pi = invoicedCase();

        // when
        complete(task(), withVariables(VAR_SEND_INVOICE_BY, "MANUAL"));

        // then
        assertThat(pi).hasPassed(TASK_RECORD_INVOICE_SENT_MANUALLY).isWaitingAt(TASK_MARK_INVOICE_PAID, TASK_MARK_COMMISSION_PAID);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(caseOf(pi).getInvoiceSentBy()).isEqualTo(SendMethod.MANUAL);
        assertThat(caseOf(pi).getInvoiceSentAt()).isNotNull();
    }

    @Test
    void sendInvoiceRefusesAMalformedAddressWhileTheUserIsOnTheForm() {
        // given
        ProcessInstance pi = invoicedCase();
        String taskId = taskOf(pi).getId();

        // then
        assertThatThrownBy(() -> taskService().complete(taskId, Map.of(VAR_SEND_INVOICE_BY, "EMAIL", VAR_EMAIL_TO, "not-an-address")))
                .hasMessageContaining("'not-an-address' is not an email address");
        assertThat(pi).isWaitingAt(TASK_SEND_INVOICE);
    }

    @Test
    void automaticSendingGoesStraightToTheEmailStep() {
        // given a case whose invoice is generated while auto-send is on
        ProcessInstance pi = runtimeService().createProcessInstanceByKey(PROCESS_KEY)
                .startBeforeActivity("Gateway_AutoSendInvoice")
                .setVariables(Map.of(VAR_AUTO_SEND_INVOICE, true, VAR_CASE_ID, -1L))
                .execute();

        // then Send Invoice is skipped
        assertThat(pi).isWaitingAt(TASK_EMAIL_INVOICE).hasNotPassed(TASK_SEND_INVOICE);
        runtimeService().deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void cancelBeforeThePoEndsTheProcessAndRemovesTheTask() {
        // given
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);

        // when
        cases.cancel(submitted.getId());

        // then
        assertThat(pi).isEnded().hasPassed(END_CASE_CANCELLED);
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(cases.get(submitted.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.CANCELLED);
    }

    @Test
    void cancelAfterThePoIsRefused() {
        // given
        ProcessInstance pi = invoicedCase();

        // then
        assertThatThrownBy(() -> cases.cancel(caseOf(pi).getId())).hasMessageContaining("is PENDING_PAYMENT: cannot cancel");
        assertThat(pi).isWaitingAt(TASK_SEND_INVOICE);
    }

    @Test
    void poRemindersGoToTheFirstBillingContactEverySevenDays() throws Exception {
        // given a facility that wants reminders
        SurgicalCase submitted = fixtures.submittedCase(true);
        ProcessInstance pi = processOf(submitted);
        String firstContact = "first@" + submitted.getFacilityCode().toLowerCase() + ".example";

        // when the first week passes
        clock.advance(Duration.ofDays(7));
        execute(jobOf(TIMER_PO_REMINDER_DUE, pi));
        execute(jobOf(TASK_SEND_PO_REMINDER, pi));

        // then one reminder, and the task is still open with the next timer scheduled
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(firstContact);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("Purchase order needed", submitted.getCaseNumber());
        assertThat(pi).hasPassed(END_REMINDER_SENT).isWaitingAt(TASK_ADD_PURCHASE_ORDER);

        // when the second week passes
        clock.advance(Duration.ofDays(7));
        execute(jobOf(TIMER_PO_REMINDER_DUE, pi));
        execute(jobOf(TASK_SEND_PO_REMINDER, pi));

        // then a second reminder
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void noRemindersForAFacilityThatDoesNotWantThem() {
        // given
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);

        // when
        execute(jobOf(TIMER_PO_REMINDER_DUE, pi));

        // then
        assertThat(pi).hasPassed("EndEvent_PoReminderSkipped").isWaitingAt(TASK_ADD_PURCHASE_ORDER);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private ProcessInstance invoicedCase() {
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);
        complete(taskOf(pi), withVariables(VAR_PO_ALL_MANUFACTURERS, "PO-1"));
        execute(jobOf(TASK_GENERATE_INVOICE, pi));
        assertThat(pi).isWaitingAt(TASK_SEND_INVOICE);
        return pi;
    }

    private static org.camunda.bpm.engine.task.Task taskOf(ProcessInstance pi) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(pi);
    }

    private static org.camunda.bpm.engine.runtime.Job jobOf(String activityId, ProcessInstance pi) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job(activityId, pi);
    }

    private SurgicalCase caseOf(ProcessInstance pi) {
        return cases.get((Long) runtimeService().getVariable(pi.getId(), VAR_CASE_ID));
    }

    private static ProcessInstance processOf(SurgicalCase surgicalCase) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(surgicalCase.getCaseNumber()).singleResult();
    }
}
