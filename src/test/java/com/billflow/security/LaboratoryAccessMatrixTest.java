package com.billflow.security;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceType;
import com.billflow.invoice.LineKind;
import com.billflow.invoice.LineRequest;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's matrix: every invoice route and action, the laboratory routes and the engine's task,
 * instance, variable, message and history resources, called by an office manager of A and B, an
 * office manager of B only, billing and an administrator on invoices of two laboratories A and B.
 * Each mutating cell gets a fresh invoice in a status that allows the call, so a refusal can only
 * come from who is asking. The expected answers are written out separately in
 * {@code laboratory-access-matrix.tsv}; every differing cell is reported at once.
 */
class LaboratoryAccessMatrixTest extends IntegrationTest {

    private static final List<String> USERS = List.of("office", "office-beta", "billing", "admin");
    private static final String JSON_LINE = "{\"kind\":\"SAMPLE_TEST\",\"description\":\"Extra sample\",\"quantity\":1,\"unitPrice\":5.00}";

    @Autowired
    TestRestTemplate http;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks invoiceTasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    private final Map<String, String> userIds = new LinkedHashMap<>();
    private final Caller admin = new Caller("matrix-setup", List.of(Groups.ADMIN));
    private Client client;

    @Test
    void everyRouteAnswersAsTheTableSays() throws IOException {
        // given two laboratories and the four users
        Laboratory a = fixtures.laboratory(false, false, false, false);
        Laboratory b = fixtures.laboratory(false, false, false, false);
        client = fixtures.client(TransmitBy.MAIL);
        userIds.put("office", fixtures.officeManagerOf(a, b));
        userIds.put("office-beta", fixtures.officeManagerOf(b));
        userIds.put("billing", fixtures.user(Groups.BILLING));
        userIds.put("admin", fixtures.user(Groups.ADMIN));
        Map<String, String> expected = expectedTable();

        // when every route is called by every user on an invoice of each laboratory
        Map<String, String> actual = new LinkedHashMap<>();
        routes().forEach((route, call) -> {
            for (String user : USERS) {
                for (Map.Entry<String, Laboratory> lab : Map.of("A", a, "B", b).entrySet()) {
                    actual.put(route + " | " + user + "@" + lab.getKey(), call.apply(userIds.get(user), lab.getValue()));
                }
            }
        });

        // then
        List<String> differences = new ArrayList<>();
        expected.forEach((cell, answer) -> {
            if (!answer.equals(actual.get(cell))) {
                differences.add(cell + ": expected " + answer + ", was " + actual.get(cell));
            }
        });
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(differences).isEmpty();
    }

    private Map<String, BiFunction<String, Laboratory, String>> routes() {
        Map<String, BiFunction<String, Laboratory, String>> routes = new LinkedHashMap<>();
        routes.put("POST /api/invoices", (user, lab) -> status(call(user, HttpMethod.POST, "/api/invoices",
                "{\"laboratoryCode\":\"" + lab.getCode() + "\",\"clientCode\":\"" + client.getCode() + "\",\"jobNumber\":\"J-1\"}")));
        routes.put("GET /api/invoices", (user, lab) -> {
            Long id = initial(lab);
            ResponseEntity<JsonNode> page = call(user, HttpMethod.GET, "/api/invoices?size=100", null);
            return listed(page, page.getBody() == null ? null : page.getBody().path("items"), item -> item.path("id").asLong() == id);
        });
        routes.put("GET /api/invoices/{id}", (user, lab) -> status(call(user, HttpMethod.GET, "/api/invoices/" + initial(lab), null)));
        routes.put("POST /api/invoices/{id}/lines", (user, lab) -> status(call(user, HttpMethod.POST, "/api/invoices/" + initial(lab) + "/lines", JSON_LINE)));
        routes.put("PUT /api/invoices/{id}/lines/{lineId}", (user, lab) -> {
            Invoice draft = invoices.get(walk(lab, InvoiceType.PRODUCTION, InvoiceAction.DRAFT));
            return status(call(user, HttpMethod.PUT, "/api/invoices/" + draft.getId() + "/lines/" + draft.getLines().get(0).getId(), JSON_LINE));
        });
        routes.put("DELETE /api/invoices/{id}/lines/{lineId}", (user, lab) -> {
            Invoice initial = invoices.get(initial(lab));
            return status(call(user, HttpMethod.DELETE, "/api/invoices/" + initial.getId() + "/lines/" + initial.getLines().get(0).getId(), null));
        });
        routes.put("POST /api/invoices/merge", (user, lab) ->
                status(call(user, HttpMethod.POST, "/api/invoices/merge", "{\"invoiceIds\":[" + initial(lab) + "," + initial(lab) + "]}")));
        routes.put("POST /api/invoices/{id}/documents/estimate", (user, lab) ->
                status(call(user, HttpMethod.POST, "/api/invoices/" + initial(lab) + "/documents/estimate", null)));
        routes.put("POST /api/invoices/{id}/documents/wip", (user, lab) ->
                status(call(user, HttpMethod.POST, "/api/invoices/" + initial(lab) + "/documents/wip", null)));
        routes.put("GET /api/invoices/{id}/documents", (user, lab) -> status(call(user, HttpMethod.GET, "/api/invoices/" + released(lab) + "/documents", null)));
        routes.put("GET /api/invoices/{id}/documents/{documentId}", (user, lab) -> {
            Long id = released(lab);
            String documentId = call(userIds.get("admin"), HttpMethod.GET, "/api/invoices/" + id + "/documents", null).getBody().get(0).path("id").asText();
            return status(http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/invoices/" + id + "/documents/" + documentId, byte[].class));
        });
        routes.put("GET /api/invoices/{id}/history", (user, lab) -> status(call(user, HttpMethod.GET, "/api/invoices/" + released(lab) + "/history", null)));
        routes.put("GET /api/invoices/{id}/einvoice", (user, lab) ->
                status(http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/invoices/" + authorised(lab) + "/einvoice?format=ubl", byte[].class)));
        routes.put("GET /api/invoices/{id}.csv", (user, lab) ->
                status(http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/invoices/" + authorised(lab) + ".csv?format=xero", String.class)));
        action(routes, "draft", InvoiceType.PRODUCTION);
        action(routes, "reprice", InvoiceType.PRODUCTION, InvoiceAction.DRAFT);
        action(routes, "release", InvoiceType.PRODUCTION, InvoiceAction.DRAFT);
        action(routes, "authorise", InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE);
        action(routes, "unauthorise", InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE);
        action(routes, "cancel", InvoiceType.PRODUCTION);
        action(routes, "transmit", InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE);
        action(routes, "book", InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT);
        action(routes, "reject", InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT);
        action(routes, "pay", InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT,
                InvoiceAction.BOOK);
        action(routes, "credit", InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT,
                InvoiceAction.BOOK);
        action(routes, "send", InvoiceType.PROPOSAL, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE);
        action(routes, "accept", InvoiceType.PROPOSAL, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.SEND);
        routes.put("GET /api/exports/invoices.csv", (user, lab) ->
                status(http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/exports/invoices.csv?format=xero", String.class)));
        routes.put("GET /api/laboratories", (user, lab) -> {
            ResponseEntity<JsonNode> list = call(user, HttpMethod.GET, "/api/laboratories", null);
            return listed(list, list.getBody(), item -> item.path("code").asText().equals(lab.getCode()));
        });
        routes.put("GET /api/laboratories/{code}", (user, lab) -> status(call(user, HttpMethod.GET, "/api/laboratories/" + lab.getCode(), null)));
        engineRoutes(routes);
        return routes;
    }

    private void engineRoutes(Map<String, BiFunction<String, Laboratory, String>> routes) {
        routes.put("GET /engine-rest/task?processInstanceId=", (user, lab) -> engineList(user, "/engine-rest/task?processInstanceId=" + instanceOf(initial(lab))));
        routes.put("GET /engine-rest/task/{id}", (user, lab) -> status(call(user, HttpMethod.GET, "/engine-rest/task/" + taskOf(initial(lab)), null)));
        routes.put("POST /engine-rest/task/{id}/submit-form (draft)", (user, lab) -> status(call(user, HttpMethod.POST,
                "/engine-rest/task/" + taskOf(initial(lab)) + "/submit-form", "{\"variables\":{\"invoiceAction\":{\"value\":\"draft\",\"type\":\"String\"}}}")));
        routes.put("GET /engine-rest/process-instance?processInstanceIds=", (user, lab) ->
                engineList(user, "/engine-rest/process-instance?processInstanceIds=" + instanceOf(initial(lab))));
        routes.put("GET /engine-rest/process-instance/{id}", (user, lab) -> status(call(user, HttpMethod.GET, "/engine-rest/process-instance/" + instanceOf(initial(lab)), null)));
        routes.put("GET /engine-rest/variable-instance?processInstanceIdIn=", (user, lab) ->
                engineList(user, "/engine-rest/variable-instance?processInstanceIdIn=" + instanceOf(initial(lab))));
        routes.put("POST /engine-rest/message InvoiceBooked", (user, lab) -> {
            Long id = walk(lab, InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE, InvoiceAction.TRANSMIT);
            return status(call(user, HttpMethod.POST, "/engine-rest/message",
                    "{\"messageName\":\"InvoiceBooked\",\"correlationKeys\":{\"invoiceId\":{\"value\":" + id + ",\"type\":\"Long\"}}}"));
        });
        for (String history : List.of("process-instance", "task", "variable-instance", "activity-instance")) {
            routes.put("GET /engine-rest/history/" + history + "?processInstanceId=", (user, lab) ->
                    engineList(user, "/engine-rest/history/" + history + "?processInstanceId=" + instanceOf(released(lab))));
        }
    }

    /** The row of {@code POST /api/invoices/{id}/{action}}, on a fresh invoice (or proposal) walked through {@code before}. */
    private void action(Map<String, BiFunction<String, Laboratory, String>> routes, String action, InvoiceType type, InvoiceAction... before) {
        String route = "POST /api/invoices/{id}/" + action + (type == InvoiceType.PROPOSAL ? " (proposal)" : "");
        String body = List.of("cancel", "reject").contains(action) ? "{\"reason\":\"Matrix\"}" : null;
        routes.put(route, (user, lab) -> status(call(user, HttpMethod.POST, "/api/invoices/" + walk(lab, type, before) + "/" + action, body)));
    }

    private Long initial(Laboratory lab) {
        return walk(lab, InvoiceType.PRODUCTION);
    }

    private Long released(Laboratory lab) {
        return walk(lab, InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE);
    }

    /** Authorised: the first status whose invoice exists for accounting (exported). */
    private Long authorised(Laboratory lab) {
        return walk(lab, InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE);
    }

    /** A new invoice of one line, moved by an administrator through the actions, its async steps run; answers its id. */
    private Long walk(Laboratory lab, InvoiceType type, InvoiceAction... actions) {
        Invoice invoice = invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), Fixtures.unique("J-"), null, type), "matrix");
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.SAMPLE_TEST, "Water analysis", BigDecimal.ONE, new BigDecimal("20.00"), null), "matrix");
        for (InvoiceAction action : actions) {
            invoiceTasks.perform(invoice.getId(), action, null, admin);
            String instance = instanceOf(invoice.getId());
            if (instance != null) {
                management.createJobQuery().processInstanceId(instance).list().forEach(job -> management.executeJob(job.getId()));
            }
        }
        return invoice.getId();
    }

    private String instanceOf(Long invoiceId) {
        var instance = runtime.createProcessInstanceQuery().variableValueEquals("invoiceId", invoiceId).singleResult();
        return instance == null ? null : instance.getId();
    }

    private String taskOf(Long invoiceId) {
        return tasks.createTaskQuery().processVariableValueEquals("invoiceId", invoiceId).singleResult().getId();
    }

    private String engineList(String user, String path) {
        ResponseEntity<JsonNode> list = call(user, HttpMethod.GET, path, null);
        return listed(list, list.getBody(), item -> true);
    }

    private static String listed(ResponseEntity<JsonNode> response, JsonNode items, java.util.function.Predicate<JsonNode> wanted) {
        if (response.getStatusCode().value() != 200) {
            return status(response);
        }
        for (JsonNode item : items) {
            if (wanted.test(item)) {
                return "listed";
            }
        }
        return "hidden";
    }

    private static String status(ResponseEntity<?> response) {
        return String.valueOf(response.getStatusCode().value());
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, Fixtures.PASSWORD).exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
    }

    /** The table: one row per route, one column per user and laboratory, as "route | user@lab" to answer. */
    private static Map<String, String> expectedTable() throws IOException {
        Map<String, String> cells = new LinkedHashMap<>();
        try (InputStream in = LaboratoryAccessMatrixTest.class.getResourceAsStream("/laboratory-access-matrix.tsv")) {
            List<String> header = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.startsWith("# route\t")) {
                    header = List.of(line.substring(2).split("\t"));
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cell = line.split("\t");
                    assertThat(cell).as(line).hasSize(header.size());
                    for (int i = 1; i < cell.length; i++) {
                        cells.put(cell[0] + " | " + header.get(i), cell[i]);
                    }
                }
            }
        }
        return cells;
    }
}
