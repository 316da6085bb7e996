package com.billflow.surgicalcase.process;

import com.billflow.common.InvalidInputException;
import com.billflow.directory.Facility;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.billflow.surgicalcase.SurgicalCaseStatus;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;
import static com.billflow.surgicalcase.process.SurgicalCaseSubmission.LINE_DESCRIPTION;
import static com.billflow.surgicalcase.process.SurgicalCaseSubmission.LINE_MANUFACTURER;
import static com.billflow.surgicalcase.process.SurgicalCaseSubmission.LINE_PART_NUMBER;
import static com.billflow.surgicalcase.process.SurgicalCaseSubmission.LINE_QUANTITY;
import static com.billflow.surgicalcase.process.SurgicalCaseSubmission.LINE_UNIT_PRICE;
import static com.billflow.surgicalcase.process.SurgicalCaseSubmission.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Tasklist's "Submit surgical case" (start form of SurgicalCaseSubmission) makes the case through the
 * case service; each case task has a description, a due date and its card lines.
 */
class SurgicalCaseSubmissionTest extends IntegrationTest {

    @Autowired
    SurgicalCaseService cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void aRepSubmitsTheStartFormAndTheCaseWaitsForItsPoWithCardDescriptionAndDueDate() {
        // given
        Facility facility = fixtures.facility(false);
        String rep = fixtures.user(Groups.SALES_REP);

        // when the rep submits the form as Tasklist does, naming the facility as it reads
        ProcessInstance submission = startAs(rep, List.of(Groups.SALES_REP), form(facility.getName().toUpperCase(), "PT-9001"));

        // then the submission ended with the case it made, and the case's own process waits for the PO
        assertThat(submission).isEnded().hasPassed(SurgicalCaseSubmission.END_CASE_SUBMITTED);
        Long caseId = (Long) processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(submission.getId())
                .variableName(SurgicalCaseSubmission.VAR_CASE_ID).singleResult().getValue();
        SurgicalCase submitted = cases.get(caseId);
        assertThat(submitted.getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PO);
        assertThat(submitted.getRep()).isEqualTo(rep);
        assertThat(submitted.getFacilityCode()).isEqualTo(facility.getCode());
        assertThat(submitted.getLines()).hasSize(2);
        assertThat(submitted.total().amount()).isEqualByComparingTo("3500.50");
        assertThat(submission.getBusinessKey()).as("found by the case number, like the case's own process").isEqualTo(submitted.getCaseNumber());
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(submission.getId())
                .variableName("surgeon").count()).as("the form's values are not kept on the submission").isZero();

        ProcessInstance billing = processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(submitted.getCaseNumber()).singleResult();
        assertThat(billing).isWaitingAt(TASK_ADD_PURCHASE_ORDER).task().hasCandidateUser(rep);
        assertThat(billing).variables().containsEntry(VAR_CASE_NUMBER, submitted.getCaseNumber())
                .containsEntry(VAR_CARD_FACILITY, facility.getName()).containsEntry(VAR_CARD_VALUE, "$3,500.50")
                .containsEntry(VAR_CARD_EVENT_DATE, "2026-11-20");
        Task poTask = task(billing);
        assertThat(poTask.getDescription()).startsWith("Case " + submitted.getCaseNumber() + ": enter the hospital's purchase order");
        assertThat(poTask.getDueDate().toInstant()).isEqualTo(submitted.getSubmittedAt().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void badInputComesBackAsTheServicesMessageAndNothingIsMade() {
        // given
        Facility facility = fixtures.facility(false);
        String rep = fixtures.user(Groups.SALES_REP);
        long casesBefore = caseCount();
        Map<String, Object> form = form(facility.getCode(), "John Smith");
        form.remove(line(2, LINE_PART_NUMBER));

        // when / then
        assertThatThrownBy(() -> startAs(rep, List.of(Groups.SALES_REP), form)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Line 2 part number: must not be blank")
                .hasMessageContaining("Patient reference: must be the anonymous patient reference");
        assertThatThrownBy(() -> startAs(rep, List.of(Groups.SALES_REP), form(facility.getCode(), "PT-1", "someone-else")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("A sales rep submits only their own cases");
        Map<String, Object> unknownFacility = form("Nowhere Hospital", "PT-1");
        assertThatThrownBy(() -> startAs(rep, List.of(Groups.SALES_REP), unknownFacility))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'Nowhere Hospital' is not a known facility");
        Map<String, Object> tooLong = form(facility.getCode(), "PT-1");
        tooLong.put(line(1, LINE_DESCRIPTION), "x".repeat(4001));
        assertThatThrownBy(() -> startAs(rep, List.of(Groups.SALES_REP), tooLong)).isInstanceOf(InvalidInputException.class);

        // then no case, and no instance of either process
        assertThat(caseCount()).isEqualTo(casesBefore);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(SurgicalCaseSubmission.PROCESS_KEY).startedBy(rep).count()).isZero();
    }

    @Test
    void overTheEngineApiABadFormIs400WithTheMessageAndTheBillingProcessCannotBeStartedByAUser() {
        // given
        Facility facility = fixtures.facility(false);
        String rep = fixtures.user(Groups.SALES_REP);
        String json = "{\"variables\":{\"facility\":{\"value\":\"" + facility.getCode() + "\"},\"surgeon\":{\"value\":\"Dr. A\"},"
                + "\"procedure\":{\"value\":\"Knee\"},\"procedureDate\":{\"value\":\"2026-11-20\"},\"patientRef\":{\"value\":\"PT-1\"},"
                + "\"line1Manufacturer\":{\"value\":\"Acme\"},\"line1PartNumber\":{\"value\":\"P1\"},\"line1Description\":{\"value\":\"Screw\"},"
                + "\"line1Quantity\":{\"value\":\"many\"},\"line1UnitPrice\":{\"value\":\"10\"}}}";

        // when
        ResponseEntity<JsonNode> bad = http.withBasicAuth(rep, Fixtures.PASSWORD).exchange(
                "/engine-rest/process-definition/key/" + SurgicalCaseSubmission.PROCESS_KEY + "/submit-form", HttpMethod.POST, body(json), JsonNode.class);
        ResponseEntity<JsonNode> good = http.withBasicAuth(rep, Fixtures.PASSWORD).exchange(
                "/engine-rest/process-definition/key/" + SurgicalCaseSubmission.PROCESS_KEY + "/submit-form", HttpMethod.POST,
                body(json.replace("\"many\"", "\"2\"")), JsonNode.class);
        ResponseEntity<JsonNode> billingDirectly = http.withBasicAuth(rep, Fixtures.PASSWORD).exchange(
                "/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", HttpMethod.POST,
                body("{\"variables\":{\"caseId\":{\"value\":1,\"type\":\"Long\"}}}"), JsonNode.class);
        ResponseEntity<JsonNode> startable = http.withBasicAuth(rep, Fixtures.PASSWORD).getForEntity(
                "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true", JsonNode.class);

        // then
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().path("message").asText()).contains("Line 1 quantity: 'many' is not a number");
        assertThat(good.getStatusCode().value()).isEqualTo(200);
        assertThat(billingDirectly.getStatusCode().value()).isEqualTo(403);
        assertThat(startable.getBody()).extracting(d -> d.path("key").asText()).containsExactly(SurgicalCaseSubmission.PROCESS_KEY);
    }

    @Test
    void everyCaseTaskIsDueAndDescribed() {
        // given a case waiting for its PO (at a facility without reminder mails: the due date moves all the same,
        // and no reminder job is left behind for other tests that run every job)
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = processOf(submitted);
        Instant firstDue = task(pi).getDueDate().toInstant();
        assertThat(firstDue).isEqualTo(submitted.getSubmittedAt().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MILLIS));

        // when the first weekly reminder goes out, the PO task is due with the next one
        clock.advance(Duration.ofDays(7));
        execute(jobOf(TIMER_PO_REMINDER_DUE, pi));
        assertThat(task(pi).getDueDate().toInstant()).isEqualTo(submitted.getSubmittedAt().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.MILLIS));

        // when the PO arrives and the invoice is generated: Send Invoice is due the next day
        complete(task(pi), withVariables(VAR_PO_ALL_MANUFACTURERS, "PO-1"));
        execute(job(TASK_GENERATE_INVOICE, pi));
        ZoneId zone = clock.getZone();
        Task send = task(TASK_SEND_INVOICE, pi);
        assertThat(send.getDueDate().toInstant()).isEqualTo(endOf(LocalDate.now(clock).plusDays(1), zone));
        assertThat(send.getDescription()).contains(cases.get(submitted.getId()).getInvoiceNumber());

        // then the payments: the invoice by its due date, the commission by the end of next month
        complete(send, withVariables(VAR_SEND_INVOICE_BY, "MANUAL"));
        SurgicalCase invoiced = cases.get(submitted.getId());
        assertThat(task(TASK_MARK_INVOICE_PAID, pi).getDueDate().toInstant()).isEqualTo(endOf(invoiced.getDueDate(), zone));
        assertThat(task(TASK_MARK_INVOICE_PAID, pi).getDescription()).contains("record the facility's payment");
        assertThat(task(TASK_MARK_COMMISSION_PAID, pi).getDueDate().toInstant())
                .isEqualTo(endOf(LocalDate.now(clock).plusMonths(1).withDayOfMonth(LocalDate.now(clock).plusMonths(1).lengthOfMonth()), zone));
        assertThat(task(TASK_MARK_COMMISSION_PAID, pi).getDescription()).contains("commission");
    }

    private ProcessInstance startAs(String user, List<String> groups, Map<String, Object> form) {
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(SurgicalCaseSubmission.PROCESS_KEY).latestVersion().singleResult();
        processEngine.getIdentityService().setAuthentication(user, groups);
        try {
            return processEngine.getFormService().submitStartForm(definition.getId(), form);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    /** Two lines, as Tasklist submits the form: every field a String, empty rows left out. */
    private static Map<String, Object> form(String facility, String patientRef, String... rep) {
        Map<String, Object> form = new HashMap<>();
        form.put(SurgicalCaseSubmission.FIELD_FACILITY, facility);
        form.put(SurgicalCaseSubmission.FIELD_SURGEON, "Dr. Amelia Chen");
        form.put(SurgicalCaseSubmission.FIELD_PROCEDURE, "Total knee arthroplasty");
        form.put(SurgicalCaseSubmission.FIELD_PROCEDURE_DATE, "2026-11-20");
        form.put(SurgicalCaseSubmission.FIELD_PATIENT_REF, patientRef);
        if (rep.length > 0) {
            form.put(SurgicalCaseSubmission.FIELD_REP, rep[0]);
        }
        form.put(line(1, LINE_MANUFACTURER), "Zimmer Biomet");
        form.put(line(1, LINE_PART_NUMBER), "ZB-42");
        form.put(line(1, LINE_DESCRIPTION), "Femoral component");
        form.put(line(1, LINE_QUANTITY), "1");
        form.put(line(1, LINE_UNIT_PRICE), "3,450.00");
        form.put(line(2, LINE_MANUFACTURER), "Acme Ortho");
        form.put(line(2, LINE_PART_NUMBER), "AC-7");
        form.put(line(2, LINE_DESCRIPTION), "Bone screw");
        form.put(line(2, LINE_QUANTITY), "2");
        form.put(line(2, LINE_UNIT_PRICE), "25.25");
        return form;
    }

    private long caseCount() {
        return jdbc.sql("select count(*) from surgical_case").query(Long.class).single();
    }

    private ProcessInstance processOf(SurgicalCase surgicalCase) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(surgicalCase.getCaseNumber()).singleResult();
    }

    private org.camunda.bpm.engine.runtime.Job jobOf(String activityId, ProcessInstance pi) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant();
    }

    private static HttpEntity<String> body(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(json, headers);
    }
}
