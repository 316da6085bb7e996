package com.billflow.dashboard;

import com.billflow.directory.Facility;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.billflow.support.ApiCalls.assertBad;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Pending PO#'s" panel pages by key (event date, case id): following nextCursor visits every
 * pending case once, in order, also when cases share a date or arrive meanwhile; previousCursor
 * walks back the same pages; page numbers still work, but only for the first items.
 */
class PendingPurchaseOrderPagingTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    SurgicalCaseService cases;
    @Autowired
    JdbcClient jdbc;

    Facility facility;
    String rep;

    @BeforeEach
    void data() {
        facility = fixtures.facility(false);
        rep = fixtures.user(Groups.SALES_REP);
    }

    @Test
    void nextAndPreviousCursorsVisitEveryCaseOnceInOrder() {
        // given seven cases of one rep, three of them on the same day
        LocalDate today = LocalDate.now();
        for (int daysAgo : new int[] {3, 9, 9, 1, 9, 20, 5}) {
            submit(today.minusDays(daysAgo));
        }
        List<Long> expected = jdbc.sql("select id from surgical_case where rep = ? and status = 'PENDING_PO' order by procedure_date, id")
                .param(rep).query(Long.class).list();

        // when the rep follows nextCursor, three per page
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = panel("size=3");
        pages.add(page);
        while (page.hasNonNull("nextCursor")) {
            page = panel("size=3&cursor=" + page.get("nextCursor").asText());
            pages.add(page);
        }

        // then every case came once, oldest event first, with the page numbers the panel shows
        assertThat(pages.stream().flatMap(p -> ids(p).stream()).toList()).isEqualTo(expected).hasSize(7);
        assertThat(pages).extracting(p -> p.get("page").asInt()).containsExactly(0, 1, 2);
        assertThat(pages).allSatisfy(p -> assertThat(p.get("totalPages").asInt()).isEqualTo(3));
        assertThat(pages.get(0).has("previousCursor")).isFalse();
        // and previousCursor walks back the same pages
        JsonNode back = panel("size=3&cursor=" + pages.get(2).get("previousCursor").asText());
        assertThat(ids(back)).isEqualTo(ids(pages.get(1)));
        assertThat(back.get("page").asInt()).isEqualTo(1);
        JsonNode first = panel("size=3&cursor=" + back.get("previousCursor").asText());
        assertThat(ids(first)).isEqualTo(ids(pages.get(0)));
        assertThat(first.get("page").asInt()).isZero();
        // and page numbers give the same pages as cursors
        assertThat(ids(panel("size=3&page=1"))).isEqualTo(ids(pages.get(1)));
    }

    @Test
    void aCaseArrivingWhilePagingNeitherRepeatsNorHidesOthers() {
        // given five cases, the first page of two read
        LocalDate today = LocalDate.now();
        for (int daysAgo : new int[] {10, 8, 6, 4, 2}) {
            submit(today.minusDays(daysAgo));
        }
        JsonNode first = panel("size=2");

        // when an older case arrives before the next page is read
        long older = submit(today.minusDays(30));
        List<Long> seen = new ArrayList<>(ids(first));
        JsonNode page = first;
        while (page.hasNonNull("nextCursor")) {
            page = panel("size=2&cursor=" + page.get("nextCursor").asText());
            seen.addAll(ids(page));
        }

        // then the pages after the cursor hold every later case once; the count includes the new one
        assertThat(seen).doesNotHaveDuplicates().hasSize(5).doesNotContain(older);
        assertThat(page.get("count").asLong()).isEqualTo(6);
    }

    @Test
    void deepPageNumbersAndForeignCursorsAreRefused() {
        assertBad(as(rep).getForEntity("/api/dashboard/pending-po?page=500&size=20", JsonNode.class), 400, "nextCursor");
        assertBad(as(rep).getForEntity("/api/dashboard/pending-po?page=2147483647&size=100", JsonNode.class), 400, "nextCursor");
        assertThat(as(rep).getForEntity("/api/dashboard/pending-po?page=499&size=20", JsonNode.class).getStatusCode().value()).isEqualTo(200);
        for (String cursor : List.of("abc", "YWZ0ZXI6MDp4OjE", "YWZ0ZXI6LTE6MjAyNi0wMS0wMToxMjM", "%00", "x".repeat(300))) {
            assertBad(as(rep).getForEntity("/api/dashboard/pending-po?cursor=" + cursor, JsonNode.class), 400, "cursor");
        }
    }

    private long submit(LocalDate date) {
        return cases.submit(Fixtures.request(facility.getCode(), rep, date), fixtures.caller(rep)).getId();
    }

    private JsonNode panel(String query) {
        var response = as(rep).getForEntity("/api/dashboard/pending-po?" + query, JsonNode.class);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(200);
        // the panel shows the rep by name, never by user id
        response.getBody().get("items").forEach(item -> assertThat(item.get("repName").asText()).isEqualTo("Test " + rep));
        return response.getBody();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asLong()));
        return ids;
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, Fixtures.PASSWORD);
    }
}
