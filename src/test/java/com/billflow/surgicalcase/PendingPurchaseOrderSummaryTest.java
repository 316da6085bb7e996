package com.billflow.surgicalcase;

import com.billflow.directory.Facility;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.process.SurgicalCaseTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's summary (pending_po_summary) is kept in step with the cases: after every submit,
 * PO, cancel, refused move, rollback and concurrent mix it says exactly what counting the cases says.
 */
class PendingPurchaseOrderSummaryTest extends IntegrationTest {

    private static final Caller BILLING = new Caller("summary-test", List.of(Groups.BILLING));

    @Autowired
    SurgicalCaseService cases;
    @Autowired
    SurgicalCaseTasks tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    Facility facility;
    String rep;

    @BeforeEach
    void data() {
        facility = fixtures.facility(false);
        rep = fixtures.user(Groups.SALES_REP);
    }

    @Test
    void submitPurchaseOrderAndCancelMoveTheSummaryLikeTheCases() {
        // given four cases of a new rep, one of them in EUR
        SurgicalCase first = submit("USD");
        SurgicalCase second = submit("USD");
        SurgicalCase third = submit("USD");
        submit("EUR");
        assertThat(summary()).isEqualTo(counted()).containsEntry("USD", "3 " + amount(first.total().amount().multiply(BigDecimal.valueOf(3))))
                .containsKey("EUR");

        // when one gets its PO through its task and one is cancelled
        tasks.addPurchaseOrders(second.getId(), "PO-1", null, BILLING);
        cases.cancel(third.getId());

        // then
        assertThat(summary()).isEqualTo(counted()).containsEntry("USD", "1 " + amount(first.total().amount()));
    }

    @Test
    void aRefusedMoveOrARolledBackTransactionLeavesTheSummaryAsItWas() {
        // given
        SurgicalCase surgicalCase = submit("USD");
        SurgicalCase cancelled = submit("USD");
        cases.cancel(cancelled.getId());
        Map<String, String> before = summary();

        // when a cancel is refused (409), and a cancel's transaction rolls back after the case moved
        assertThatThrownBy(() -> cases.cancel(cancelled.getId())).hasMessageContaining("CANCELLED");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            cases.cancel(surgicalCase.getId());
            status.setRollbackOnly();
        });

        // then
        assertThat(cases.get(surgicalCase.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PO);
        assertThat(summary()).isEqualTo(before).isEqualTo(counted()).containsEntry("USD", "1 " + amount(surgicalCase.total().amount()));
    }

    @Test
    void concurrentSubmitsPurchaseOrdersAndCancelsOfOneRepAddUp() throws Exception {
        // given six cases of the rep already waiting
        List<SurgicalCase> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(submit("USD"));
        }
        // when eight threads at once submit six more (two in a currency the rep has no row for yet),
        // add the PO to three waiting cases and cancel the other three
        List<Callable<Object>> work = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String currency = i < 2 ? "CHF" : "USD";
            work.add(() -> submit(currency));
        }
        for (int i = 0; i < 3; i++) {
            Long withPo = waiting.get(i).getId();
            Long toCancel = waiting.get(i + 3).getId();
            work.add(() -> tasks.addPurchaseOrders(withPo, "PO-" + withPo, null, BILLING));
            work.add(() -> cases.cancel(toCancel));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> done = new ArrayList<>();
        try {
            for (Callable<Object> task : work) {
                done.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Object> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        // then every change counted once
        assertThat(summary()).isEqualTo(counted()).containsKeys("USD", "CHF");
        assertThat(summary().get("USD")).startsWith("4 ");
        assertThat(summary().get("CHF")).startsWith("2 ");
    }

    private SurgicalCase submit(String currency) {
        SubmitCaseRequest request = Fixtures.request(facility.getCode(), rep, LocalDate.now().minusDays(5));
        return cases.submit(new SubmitCaseRequest(request.facilityCode(), request.surgeon(), request.procedure(), request.procedureDate(),
                rep, request.patientRef(), currency, request.lines()), fixtures.caller(rep));
    }

    /** currency → "count total" from the summary (currencies at 0 left out). */
    private Map<String, String> summary() {
        Map<String, String> summary = new TreeMap<>();
        jdbc.sql("select currency, case_count, total_value from pending_po_summary where rep = ? and case_count <> 0").param(rep)
                .query(rs -> {
                    summary.put(rs.getString(1).strip(), rs.getLong(2) + " " + amount(rs.getBigDecimal(3)));
                });
        return summary;
    }

    /** The same, by counting the cases. */
    private Map<String, String> counted() {
        Map<String, String> counted = new TreeMap<>();
        jdbc.sql("select currency, count(*), sum(total) from surgical_case where rep = ? and status = 'PENDING_PO' group by currency")
                .param(rep).query(rs -> {
                    counted.put(rs.getString(1).strip(), rs.getLong(2) + " " + amount(rs.getBigDecimal(3)));
                });
        return counted;
    }

    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
