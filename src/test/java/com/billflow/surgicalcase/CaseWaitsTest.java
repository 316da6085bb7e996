package com.billflow.surgicalcase;

import com.billflow.directory.Facility;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.billflow.support.ApiCalls.post;
import static com.billflow.support.ApiCalls.put;
import static org.assertj.core.api.Assertions.assertThat;

/** The case's conditional GET and its wait for a change ({@link CaseWaits}), over HTTP as a client uses them. */
class CaseWaitsTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseChanges changes;
    @Autowired
    CaseWaits waits;
    @Autowired
    JdbcClient jdbc;

    Facility facility;
    String rep;
    String billing;
    long id;
    String path;

    @BeforeEach
    void aCase() {
        // only a signal can end a wait early: without it, a waiting read would see a change after a minute
        waits.recheckEvery(Duration.ofMinutes(1));
        facility = fixtures.facility(false);
        rep = fixtures.user(Groups.SALES_REP);
        billing = fixtures.user(Groups.BILLING);
        id = post(as(rep), "/api/surgical-cases", """
                {"facilityCode":"%s","surgeon":"Dr. Wait","procedure":"Hip","procedureDate":"2026-01-15","patientRef":"PT-1",
                 "lines":[{"manufacturer":"Acme Ortho","partNumber":"AC-1","description":"Stem","quantity":1,"unitPrice":100.00}]}"""
                .formatted(facility.getCode())).getBody().get("id").asLong();
        path = "/api/surgical-cases/" + id;
    }

    @AfterEach
    void nothingLeftSubscribed() {
        waits.recheckEvery(CaseWaits.RECHECK);
        assertThat(changes.tracked()).isZero();
    }

    @Test
    void theSameETagGets304WithoutABodyAndAChangedCaseANewOne() {
        // given
        ResponseEntity<JsonNode> first = get(billing, null, null);
        String etag = first.getHeaders().getETag();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");

        // when / then
        ResponseEntity<JsonNode> unchanged = get(billing, etag, null);
        assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(unchanged.getBody()).isNull();
        assertThat(unchanged.getHeaders().getETag()).isEqualTo(etag);
        assertThat(get(billing, "W/" + etag + ", \"other\"", null).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);

        // when
        put(as(billing), path + "/purchase-orders", "{\"allManufacturers\":\"PO-1\"}");

        // then
        ResponseEntity<JsonNode> changed = get(billing, etag, null);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("purchaseOrders").get("allManufacturers").asText()).isEqualTo("PO-1");
        assertThat(changed.getHeaders().getETag()).isNotEqualTo(etag);
    }

    @Test
    void aWaitingReadAnswersAsSoonAsTheCaseChanges() throws Exception {
        // given
        String etag = get(billing, null, null).getHeaders().getETag();
        long started = System.nanoTime();
        CompletableFuture<ResponseEntity<JsonNode>> waiting = CompletableFuture.supplyAsync(() -> get(billing, etag, "wait=20"));

        // when: the PO is entered while the read waits
        Thread.sleep(500);
        assertThat(waiting).isNotDone();
        put(as(billing), path + "/purchase-orders", "{\"allManufacturers\":\"PO-2\"}");

        // then
        ResponseEntity<JsonNode> answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(answer.getHeaders().getFirst("Preference-Applied")).isEqualTo("wait=20");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aPartPaymentIsAChangeToo() throws Exception {
        // given: an invoiced case, its invoice mailed
        put(as(billing), path + "/purchase-orders", "{\"allManufacturers\":\"PO-3\"}");
        runJobs();
        post(as(billing), path + "/invoice/email", "{\"to\":\"ap@hospital.test\"}");
        runJobs();
        String etag = get(billing, null, null).getHeaders().getETag();
        CompletableFuture<ResponseEntity<JsonNode>> waiting = CompletableFuture.supplyAsync(() -> get(billing, etag, "wait=20"));
        Thread.sleep(300);

        // when: a part payment, which leaves the case's row as it is
        ResponseEntity<JsonNode> paid = post(as(billing), path + "/invoice-paid", "{\"amount\":40.00}");
        assertThat(paid.getStatusCode().is2xxSuccessful()).as(String.valueOf(paid.getBody())).isTrue();

        // then
        ResponseEntity<JsonNode> answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("openAmount").decimalValue()).isEqualByComparingTo("60.00");
    }

    @Test
    void aChangeThisNodeWasNotToldOfIsSeenAtTheNextRecheck() throws Exception {
        // given: a change as another node would make it (this node's Hibernate never sees it)
        waits.recheckEvery(Duration.ofMillis(200));
        String etag = get(billing, null, null).getHeaders().getETag();
        CompletableFuture<ResponseEntity<JsonNode>> waiting = CompletableFuture.supplyAsync(() -> get(billing, etag, "wait=20"));
        Thread.sleep(300);

        // when
        jdbc.sql("update surgical_case set surgeon = 'Dr. Elsewhere' where id = ?").param(id).update();

        // then
        ResponseEntity<JsonNode> answer = waiting.get(10, TimeUnit.SECONDS);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("surgeon").asText()).isEqualTo("Dr. Elsewhere");
    }

    @Test
    void withoutAChangeTheWaitEndsIn304AfterTheTimeAskedFor() {
        // given
        String etag = get(billing, null, null).getHeaders().getETag();
        long started = System.nanoTime();

        // when
        ResponseEntity<JsonNode> answer = get(billing, etag, "respond-async, wait=1");

        // then
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(950), Duration.ofSeconds(5));
    }

    @Test
    void rightsAreCheckedAsWithoutAWait() {
        // given
        String etag = get(billing, null, null).getHeaders().getETag();
        String otherRep = fixtures.user(Groups.SALES_REP);

        // when / then: another rep's case and an unknown case, with the ETag and a wait
        assertThat(get(otherRep, etag, "wait=5").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange(billing, "/api/surgical-cases/99999999", etag, "wait=5").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(rep, etag, null).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void aWaitPreferenceItCannotReadIsIgnored() {
        assertThat(CaseWaits.waitOf("wait=10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(CaseWaits.waitOf("return=minimal; x=1, WAIT = \"7\"")).isEqualTo(Duration.ofSeconds(7));
        assertThat(CaseWaits.waitOf("wait=3600")).isEqualTo(CaseWaits.MAX_WAIT);
        assertThat(CaseWaits.waitOf("wait=-1")).isZero();
        assertThat(CaseWaits.waitOf("wait=1.5")).isZero();
        assertThat(CaseWaits.waitOf("wait=99999999999999999999")).isZero();
        assertThat(CaseWaits.waitOf("wait")).isZero();
        assertThat(CaseWaits.waitOf("handling=lenient")).isZero();
        assertThat(CaseWaits.waitOf(null)).isZero();
        // and over HTTP: answered at once
        String etag = get(billing, null, null).getHeaders().getETag();
        assertThat(get(billing, etag, "wait=soon").getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
    }

    private ResponseEntity<JsonNode> get(String user, String ifNoneMatch, String prefer) {
        return exchange(user, path, ifNoneMatch, prefer);
    }

    private ResponseEntity<JsonNode> exchange(String user, String url, String ifNoneMatch, String prefer) {
        HttpHeaders headers = new HttpHeaders();
        if (ifNoneMatch != null) {
            headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        if (prefer != null) {
            headers.set("Prefer", prefer);
        }
        return as(user).exchange(url, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, Fixtures.PASSWORD);
    }

    private void runJobs() {
        var management = processEngine.getManagementService();
        management.createJobQuery().executable().list().forEach(job -> management.executeJob(job.getId()));
    }
}
