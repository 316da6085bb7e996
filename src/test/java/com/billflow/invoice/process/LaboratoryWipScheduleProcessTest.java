package com.billflow.invoice.process;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.document.DocumentKind;
import com.billflow.document.StoredDocument;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceDocumentService;
import com.billflow.invoice.InvoiceHistory;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceStatus;
import com.billflow.invoice.InvoiceType;
import com.billflow.invoice.WipSchedule;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.billflow.invoice.process.LaboratoryWipScheduleProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/** LaboratoryWipScheduleProcess with the real timer, delegate, database and PDF renderer. */
class LaboratoryWipScheduleProcessTest extends IntegrationTest {

    @Autowired
    WipSchedule schedule;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceDocumentService documents;
    @Autowired
    InvoiceHistory history;
    @Autowired
    InvoiceTasks tasks;

    Laboratory asking;

    @AfterEach
    void stopAsking() {
        if (asking != null) {
            schedule.request(asking.getCode(), false, "test");
        }
    }

    @Test
    void theTimerWaitsForMonthEndAt18() {
        // given the deployed process
        Job timer = timer();

        // then its next run is 18:00 on the last day of a month (cron "0 0 18 L * ?")
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.toLocalTime().getHour()).isEqualTo(18);
        assertThat(due.toLocalDate()).isEqualTo(due.toLocalDate().with(TemporalAdjusters.lastDayOfMonth()));
    }

    @Test
    void aLaboratoryThatAskedGetsAWipDocumentOfEachInitialInvoiceAndNoStatusChanges() {
        // given a laboratory that asked, with two INITIAL invoices, a draft and a proposal; and one that did not ask
        asking = fixtures.laboratory(false, false, false, false);
        Laboratory silent = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.EMAIL);
        Long first = fixtures.newInvoice(asking, client);
        Long second = fixtures.newInvoice(asking, client);
        Long draft = fixtures.newInvoice(asking, client);
        tasks.perform(draft, InvoiceAction.DRAFT, null, new Caller("test", List.of(Groups.ADMIN)));
        Long proposal = invoices.create(new CreateInvoiceRequest(asking.getCode(), client.getCode(), "P-1", null, InvoiceType.PROPOSAL), "test").getId();
        Long notAsked = fixtures.newInvoice(silent, client);
        schedule.request(asking.getCode(), true, "office");
        int historyRows = history.of(first).size();

        // when the timer fires and the laboratories' jobs run
        Set<String> before = instances();
        execute(timer());
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list().stream()
                .filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
        assertThat(pi).isWaitingAt(TASK_MAKE_WIP_DOCUMENTS + MULTI_INSTANCE_BODY);
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        List<Job> perLaboratory = jobQuery().processInstanceId(pi.getId()).list();
        assertThat(perLaboratory).isNotEmpty().allSatisfy(job -> assertThat(job.getRetries()).isEqualTo(3));
        perLaboratory.forEach(job -> execute(job));

        // then
        assertThat(pi).isEnded().hasPassed(END_WIP_DOCUMENTS_MADE);
        assertThat(kinds(first)).containsExactly(DocumentKind.WIP);
        assertThat(kinds(second)).containsExactly(DocumentKind.WIP);
        assertThat(kinds(draft)).isEmpty();
        assertThat(kinds(proposal)).isEmpty();
        assertThat(kinds(notAsked)).isEmpty();
        assertThat(invoices.get(first).getStatus()).isEqualTo(InvoiceStatus.INITIAL);
        assertThat(invoices.get(draft).getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(history.of(first)).hasSize(historyRows);
        // and the timer waits for the next month end
        assertThat(timer()).isNotNull();
    }

    @Test
    void aLaboratoryThatStoppedAskingGetsNothing() {
        // given
        asking = fixtures.laboratory(false, false, false, false);
        Long invoice = fixtures.newInvoice(asking, fixtures.client(TransmitBy.EMAIL));
        schedule.request(asking.getCode(), true, "office");
        schedule.request(asking.getCode(), true, "someone-else");
        assertThat(schedule.requestOf(asking.getCode())).get().extracting(WipSchedule.Request::requestedBy).isEqualTo("office");

        // when it stops asking before its job runs
        schedule.request(asking.getCode(), false, "office");

        // then
        assertThat(schedule.makeWipDocuments(asking.getCode())).isZero();
        assertThat(schedule.laboratoriesAsking()).doesNotContain(asking.getCode());
        assertThat(kinds(invoice)).isEmpty();
    }

    private List<DocumentKind> kinds(Long invoiceId) {
        return documents.all(invoiceId).stream().map(StoredDocument::getKind).toList();
    }

    private static Job timer() {
        return managementService().createJobQuery().processDefinitionKey(PROCESS_KEY).timers().singleResult();
    }

    private static Set<String> instances() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
    }
}
