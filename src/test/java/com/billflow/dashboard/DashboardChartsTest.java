package com.billflow.dashboard;

import com.billflow.directory.Facility;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.billflow.surgicalcase.process.SurgicalCaseTasks;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/dashboard/charts: what each chart counts, for whom, and that the counters agree with the cases. */
class DashboardChartsTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    SurgicalCaseService cases;
    @Autowired
    SurgicalCaseTasks tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepSeesTheirOwnCasesInEveryChartWithLinksToTheirLists() {
        // given a rep with a case waiting 3 days, one 40 days and one invoiced, and another rep's case
        Facility facility = fixtures.facility(false);
        String rep = fixtures.user(Groups.SALES_REP);
        LocalDate today = LocalDate.now(clock);
        cases.submit(Fixtures.request(facility.getCode(), rep, today.minusDays(3)), fixtures.caller(rep));
        cases.submit(Fixtures.request(facility.getCode(), rep, today.minusDays(40)), fixtures.caller(rep));
        SurgicalCase invoiced = cases.submit(Fixtures.request(facility.getCode(), rep, today.minusDays(10)), fixtures.caller(rep));
        tasks.addPurchaseOrders(invoiced.getId(), "PO-1", null, fixtures.caller(rep));
        String instance = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(invoiced.getCaseNumber()).singleResult().getId();
        var generateInvoice = processEngine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId("Task_GenerateInvoice").singleResult();
        processEngine.getManagementService().executeJob(generateInvoice.getId());
        String otherRep = fixtures.user(Groups.SALES_REP);
        cases.submit(Fixtures.request(facility.getCode(), otherRep, today), fixtures.caller(otherRep));

        // when
        JsonNode charts = get(rep).getBody();

        // then only the rep's own cases, in the right bars, each bar linking to its list
        assertThat(bar(charts, "casesByStatus", "Pending PO").path("count").asLong()).isEqualTo(2);
        assertThat(bar(charts, "casesByStatus", "Pending Payment").path("count").asLong()).isEqualTo(1);
        assertThat(bar(charts, "casesByStatus", "Pending PO").path("link").asText()).isEqualTo("/console/cases?status=PENDING_PO");
        assertThat(bar(charts, "pendingPoByAge", "0–7 days").path("count").asLong()).isEqualTo(1);
        assertThat(bar(charts, "pendingPoByAge", "0–7 days").path("link").asText())
                .isEqualTo("/console/cases?status=PENDING_PO&from=" + today.minusDays(7));
        assertThat(bar(charts, "pendingPoByAge", "31–60 days").path("count").asLong()).isEqualTo(1);
        assertThat(bar(charts, "pendingPoByAge", "31–60 days").path("link").asText())
                .isEqualTo("/console/cases?status=PENDING_PO&from=" + today.minusDays(60) + "&to=" + today.minusDays(31));
        assertThat(bar(charts, "pendingPoByAge", "31–60 days").path("value").asText()).isEqualTo("$1,588.38");
        assertThat(bar(charts, "pendingPoByAge", "8–30 days").path("count").asLong()).isZero();
        assertThat(bar(charts, "unpaidInvoicesByAge", "0–30 days").path("count").asLong()).isEqualTo(1);
        assertThat(charts.path("commissionDueByRep")).hasSize(1);
        assertThat(charts.path("commissionDueByRep").get(0).path("link").asText()).isEqualTo("/console/cases?awaiting=COMMISSION&rep=" + rep);

        // and billing's charts count every case: the counters agree with the cases themselves
        JsonNode all = get("billing-" + rep).getBody();
        Map<String, Long> byStatus = new java.util.HashMap<>();
        jdbc.sql("select status, count(*) from surgical_case group by status").query((rs, i) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(bar(all, "casesByStatus", "Pending PO").path("count").asLong()).isEqualTo(byStatus.getOrDefault("PENDING_PO", 0L));
        assertThat(bar(all, "casesByStatus", "Pending Payment").path("count").asLong()).isEqualTo(byStatus.getOrDefault("PENDING_PAYMENT", 0L));
        assertThat(bar(all, "casesByStatus", "Paid").path("count").asLong()).isEqualTo(byStatus.getOrDefault("PAID", 0L));
        assertThat(bar(all, "casesByStatus", "Cancelled").path("count").asLong()).isEqualTo(byStatus.getOrDefault("CANCELLED", 0L));
        long unpaid = jdbc.sql("select count(*) from surgical_case where invoice_number is not null and invoice_paid = false and status <> 'CANCELLED'")
                .query(Long.class).single();
        long unpaidInCharts = 0;
        for (JsonNode bar : all.path("unpaidInvoicesByAge")) {
            unpaidInCharts += bar.path("count").asLong();
        }
        assertThat(unpaidInCharts).isEqualTo(unpaid);
        assertThat(all.path("commissionDueByRep").findValuesAsText("label")).contains("Test " + rep);
    }

    @Test
    void onlyCaseUsersMayReadTheCharts() {
        String office = fixtures.user(Groups.OFFICE_MANAGER);
        assertThat(http.withBasicAuth(office, Fixtures.PASSWORD).getForEntity("/api/dashboard/charts", JsonNode.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(http.getForEntity("/api/dashboard/charts", JsonNode.class).getStatusCode().value()).isEqualTo(401);
    }

    /** As {@code user}; a name starting "billing-" is a new member of billing. */
    private ResponseEntity<JsonNode> get(String user) {
        String who = user.startsWith("billing-") ? fixtures.user(Groups.BILLING) : user;
        ResponseEntity<JsonNode> response = http.withBasicAuth(who, Fixtures.PASSWORD).getForEntity("/api/dashboard/charts", JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response;
    }

    private static JsonNode bar(JsonNode charts, String chart, String label) {
        for (JsonNode bar : charts.path(chart)) {
            if (bar.path("label").asText().equals(label)) {
                return bar;
            }
        }
        throw new AssertionError("No bar '" + label + "' in " + chart + ": " + charts.path(chart));
    }
}
