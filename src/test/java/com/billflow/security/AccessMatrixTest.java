package com.billflow.security;

import com.billflow.directory.Facility;
import com.billflow.directory.TransmitBy;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_ADD_PURCHASE_ORDER;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_SEND_INVOICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the table src/test/resources/security/access-matrix.csv: every route of /api and every engine
 * REST resource that carries case or invoice data, called by no one, by a user of each group and by a
 * second user of the same group, each answer compared with the table (status, and for lists the count).
 */
class AccessMatrixTest extends IntegrationTest {

    private static final String TABLE = "security/access-matrix.csv";
    private static final List<String> CALLERS = List.of("anonymous", "rep", "rep2", "billing", "billing2", "office", "office2", "admin", "admin2");

    @Autowired
    TestRestTemplate http;
    @Autowired
    SurgicalCaseService cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ObjectMapper json;

    @Test
    void everyCallerGetsWhatTheTableSays() throws Exception {
        // given a user of each group and a second one of the same group
        Map<String, String> users = new LinkedHashMap<>();
        users.put("rep", fixtures.user(Groups.SALES_REP));
        users.put("rep2", fixtures.user(Groups.SALES_REP));
        users.put("billing", fixtures.user(Groups.BILLING));
        users.put("billing2", fixtures.user(Groups.BILLING));
        users.put("office", fixtures.user(Groups.OFFICE_MANAGER));
        users.put("office2", fixtures.user(Groups.OFFICE_MANAGER));
        users.put("admin", fixtures.user(Groups.ADMIN));
        users.put("admin2", fixtures.user(Groups.ADMIN));
        Map<String, String> values = data(users);

        // when every caller calls every route
        List<String> mismatches = new ArrayList<>();
        int checks = 0;
        try (Reader reader = new InputStreamReader(new ClassPathResource(TABLE).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                String path = fill(row.get("path"), values);
                for (String caller : CALLERS) {
                    String expected = row.get(caller);
                    String actual = call(HttpMethod.valueOf(row.get("method")), path, row.get("body"), users.get(caller), expected);
                    checks++;
                    if (!actual.equals(expected)) {
                        mismatches.add(row.get("method") + " " + row.get("path") + " as " + caller + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }

        // then
        assertThat(checks).isGreaterThan(500);
        assertThat(mismatches).as("answers that differ from " + TABLE).isEmpty();
    }

    /** Makes what the table's placeholders name; answers placeholder to value. */
    private Map<String, String> data(Map<String, String> users) {
        String rep = users.get("rep");
        String admin = users.get("admin");
        Facility facility = fixtures.facility(false);
        SurgicalCase pending = cases.submit(Fixtures.request(facility.getCode(), rep, LocalDate.now().minusDays(2)), fixtures.caller(rep));
        SurgicalCase invoiced = cases.submit(Fixtures.request(facility.getCode(), rep, LocalDate.now().minusDays(1)), fixtures.caller(rep));
        String pi = processInstanceOf(pending.getCaseNumber());
        String invoicedPi = processInstanceOf(invoiced.getCaseNumber());
        runtime.createIncident("accessMatrix", tasks.createTaskQuery().processInstanceId(pi).singleResult().getExecutionId(),
                "an incident only the case's readers see");
        ResponseEntity<String> po = http.withBasicAuth(rep, Fixtures.PASSWORD).exchange("/api/surgical-cases/" + invoiced.getId() + "/purchase-orders",
                HttpMethod.PUT, entity("{\"allManufacturers\":\"PO-MATRIX\"}"), String.class);
        assertThat(po.getStatusCode().is2xxSuccessful()).as(po.getBody()).isTrue();
        management.createJobQuery().processInstanceId(invoicedPi).list().forEach(job -> management.executeJob(job.getId()));

        var lab = fixtures.laboratory(false, false, false, false);
        // Office managers act for their laboratories only (issue 15): both office users manage this one.
        fixtures.manages(users.get("office"), lab);
        fixtures.manages(users.get("office2"), lab);
        var client = fixtures.client(TransmitBy.MAIL);
        Long invoice = fixtures.newInvoice(lab, client);
        ResponseEntity<JsonNode> estimate = http.withBasicAuth(admin, Fixtures.PASSWORD)
                .exchange("/api/invoices/" + invoice + "/documents/estimate", HttpMethod.POST, entity(""), JsonNode.class);
        assertThat(estimate.getStatusCode().value()).as(String.valueOf(estimate.getBody())).isEqualTo(201);

        Map<String, String> values = new LinkedHashMap<>();
        values.put("case", pending.getId().toString());
        values.put("caseKey", pending.getCaseNumber());
        values.put("pi", pi);
        values.put("task", tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TASK_ADD_PURCHASE_ORDER).singleResult().getId());
        values.put("invoicedCase", invoiced.getId().toString());
        values.put("invoicedPi", invoicedPi);
        values.put("sendTask", tasks.createTaskQuery().processInstanceId(invoicedPi).taskDefinitionKey(TASK_SEND_INVOICE).singleResult().getId());
        values.put("invoice", invoice.toString());
        values.put("invoicePi", runtime.createProcessInstanceQuery().variableValueEquals("invoiceId", invoice).singleResult().getId());
        values.put("document", estimate.getBody().get("id").asText());
        values.put("facility", facility.getCode());
        values.put("lab", lab.getCode());
        values.put("client", client.getCode());
        values.put("missing", "987654321");
        return values;
    }

    /** The answer as the table writes it: the status, with the list's size when the expected cell has one. */
    private String call(HttpMethod method, String path, String body, String user, String expected) throws Exception {
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, Fixtures.PASSWORD);
        ResponseEntity<String> response = client.exchange(path, method, entity(body), String.class);
        String status = String.valueOf(response.getStatusCode().value());
        if (!expected.contains(":") || response.getStatusCode().value() != 200) {
            return status;
        }
        JsonNode list = json.readTree(response.getBody());
        if (!list.isArray()) {
            return status + ":not a list";
        }
        return status + ":" + (expected.endsWith(":+") && list.size() > 0 ? "+" : String.valueOf(list.size()));
    }

    private String processInstanceOf(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private static String fill(String path, Map<String, String> values) {
        String filled = path;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(filled).as("every placeholder of " + path + " is known").doesNotContain("{");
        return filled;
    }

    private static HttpEntity<String> entity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body == null || body.isEmpty() ? null : body, headers);
    }
}
