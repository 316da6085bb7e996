package com.billflow.process;

import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCase;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_ADD_PURCHASE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

/** /engine-rest, which Tasklist and integrations use: Basic auth, engine authorizations, 4xx for bad input. */
class EngineRestTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Test
    void credentialsAreRequired() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void onlyTheCandidatesMayCompleteTheTask() {
        // given
        SurgicalCase submitted = fixtures.submittedCase(false);
        String taskId = addPurchaseOrderTask(submitted);
        String office = fixtures.user(Groups.OFFICE_MANAGER);
        String otherRep = fixtures.user(Groups.SALES_REP);

        // then
        assertThat(submitForm(office, taskId, "PO-1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submitForm(otherRep, taskId, "PO-1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(otherRep, Fixtures.PASSWORD).getForEntity("/engine-rest/task?processInstanceBusinessKey=" + submitted.getCaseNumber(), JsonNode.class)
                .getBody()).isEmpty();
        assertThat(submitForm(submitted.getRep(), taskId, "PO-1").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aRefusedPoIsTheUsersInputErrorNotAServerFault() {
        // given
        SurgicalCase submitted = fixtures.submittedCase(false);
        String taskId = addPurchaseOrderTask(submitted);

        // when
        ResponseEntity<JsonNode> response = submitForm(submitted.getRep(), taskId, "   ");

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").asText()).contains("Enter the PO number");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    @Test
    void aRefusedEmailAddressOnSendInvoiceIsTheUsersInputErrorToo() {
        // given a case whose invoice waits to be sent
        SurgicalCase submitted = fixtures.submittedCase(false);
        assertThat(submitForm(submitted.getRep(), addPurchaseOrderTask(submitted), "PO-1").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String processInstanceId = tasks.createTaskQuery().processInstanceBusinessKey(submitted.getCaseNumber()).list().isEmpty()
                ? processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(submitted.getCaseNumber()).singleResult().getId()
                : null;
        management.executeJob(management.createJobQuery().processInstanceId(processInstanceId).singleResult().getId());
        String sendTask = tasks.createTaskQuery().processInstanceBusinessKey(submitted.getCaseNumber()).singleResult().getId();
        String billing = fixtures.user(Groups.BILLING);

        // when
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.withBasicAuth(billing, Fixtures.PASSWORD).exchange("/engine-rest/task/" + sendTask + "/submit-form",
                HttpMethod.POST, new HttpEntity<>("{\"variables\":{\"sendInvoiceBy\":{\"value\":\"EMAIL\"},\"emailTo\":{\"value\":\"nobody\"}}}", headers),
                JsonNode.class);

        // then
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message").asText()).contains("'nobody' is not an email address");
    }

    @Test
    void theClientsSystemBooksAnInvoiceByMessageCorrelationAsAnOfficeManager() {
        // given a transmitted invoice of a laboratory without automation
        var lab = fixtures.laboratory(false, false, false, false);
        var client = fixtures.client(com.billflow.directory.TransmitBy.MAIL);
        Long invoiceId = fixtures.transmittedInvoice(lab, client);
        String clientSystem = fixtures.officeManagerOf(lab);
        String billing = fixtures.user(Groups.BILLING);
        String body = "{\"messageName\":\"InvoiceBooked\",\"correlationKeys\":{\"invoiceId\":{\"value\":" + invoiceId + ",\"type\":\"Long\"}}}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        // when someone without the right correlates, nothing happens; the client system's user books it
        assertThat(http.withBasicAuth(billing, Fixtures.PASSWORD).exchange("/engine-rest/message", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class).getStatusCode().is4xxClientError()).isTrue();
        assertThat(fixtures.invoiceStatus(invoiceId)).isEqualTo("TRANSMITTED");
        ResponseEntity<String> booked = http.withBasicAuth(clientSystem, Fixtures.PASSWORD).exchange("/engine-rest/message", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);

        // then
        assertThat(booked.getStatusCode().is2xxSuccessful()).as(booked.getBody()).isTrue();
        assertThat(fixtures.invoiceStatus(invoiceId)).isEqualTo("BOOKED");
    }

    @Test
    void invoiceTasksAreForOfficeManagersAndTakeOnlyTheirActions() {
        // given an invoice waiting in Prepare Invoice
        var lab = fixtures.laboratory(false, false, false, false);
        var client = fixtures.client(com.billflow.directory.TransmitBy.MAIL);
        Long invoiceId = fixtures.newInvoice(lab, client);
        String taskId = tasks.createTaskQuery().processVariableValueEquals("invoiceId", invoiceId).singleResult().getId();
        String office = fixtures.officeManagerOf(lab);
        String billing = fixtures.user(Groups.BILLING);

        // then billing cannot complete it (the task is of a laboratory billing is no member of: 404, as reading it), and an
        // action the task does not offer is the caller's error
        assertThat(submitAction(billing, taskId, "draft").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> unknown = submitAction(office, taskId, "explode");
        assertThat(unknown.getStatusCode()).as(String.valueOf(unknown.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fixtures.invoiceStatus(invoiceId)).isEqualTo("INITIAL");
        assertThat(submitAction(office, taskId, "draft").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(fixtures.invoiceStatus(invoiceId)).isEqualTo("DRAFT");
    }

    private ResponseEntity<JsonNode> submitAction(String user, String taskId, String action) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"variables\":{\"invoiceAction\":{\"value\":\"" + action + "\",\"type\":\"String\"}}}";
        return http.withBasicAuth(user, Fixtures.PASSWORD)
                .exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private String addPurchaseOrderTask(SurgicalCase submitted) {
        return tasks.createTaskQuery().processInstanceBusinessKey(submitted.getCaseNumber()).taskDefinitionKey(TASK_ADD_PURCHASE_ORDER)
                .singleResult().getId();
    }

    private ResponseEntity<JsonNode> submitForm(String user, String taskId, String po) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"variables\":{\"poAllManufacturers\":{\"value\":\"" + po + "\",\"type\":\"String\"}}}";
        return http.withBasicAuth(user, Fixtures.PASSWORD)
                .exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
