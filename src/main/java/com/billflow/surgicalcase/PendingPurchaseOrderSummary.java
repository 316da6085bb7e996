package com.billflow.surgicalcase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;

/**
 * How many cases wait for a PO and what they are worth, per rep and currency: the table
 * {@code pending_po_summary}, which the dashboard reads instead of counting cases. Every move of a
 * case into or out of PENDING_PO is recorded here in the caller's transaction, so the summary and
 * the cases commit or roll back together.
 * <p>
 * The rows are changed by {@code set case_count = case_count + n} only (atomic on any number of nodes,
 * no read-modify-write), and as late as possible ({@link CommitTimeCounters}): a row stays locked only
 * for the commit itself rather than through the process start.
 */
@Component
public class PendingPurchaseOrderSummary {

    private final JdbcClient jdbc;
    private final CommitTimeCounters<Key> counters;

    PendingPurchaseOrderSummary(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.counters = new CommitTimeCounters<>("The pending PO summary", this::write, transactionManager);
    }

    /** The case has just been submitted (PENDING_PO). Needs a transaction. */
    void entered(SurgicalCase surgicalCase) {
        change(surgicalCase, 1, surgicalCase.total().amount());
    }

    /** The case has just left PENDING_PO (its PO is in, or it is cancelled). Needs a transaction. */
    void left(SurgicalCase surgicalCase) {
        change(surgicalCase, -1, surgicalCase.total().amount().negate());
    }

    private void change(SurgicalCase surgicalCase, int cases, BigDecimal value) {
        Key key = new Key(surgicalCase.getRep(), surgicalCase.currency().getCurrencyCode());
        counters.ensureRow(() -> exists(key), () -> jdbc.sql(
                        "insert into pending_po_summary (rep, currency, case_count, total_value) values (?, ?, 0, 0)")
                .param(key.rep()).param(key.currency()).update());
        counters.add(key, cases, value);
    }

    private void write(Key key, CommitTimeCounters.Delta delta) {
        int updated = jdbc.sql("""
                        update pending_po_summary set case_count = case_count + ?, total_value = total_value + ?
                        where rep = ? and currency = ?""")
                .param(delta.cases()).param(delta.value()).param(key.rep()).param(key.currency()).update();
        if (updated != 1) {
            throw new IllegalStateException("pending_po_summary has no row for " + key + ": was it deleted by hand?");
        }
    }

    private boolean exists(Key key) {
        return jdbc.sql("select count(*) from pending_po_summary where rep = ? and currency = ?")
                .param(key.rep()).param(key.currency()).query(Long.class).single() > 0;
    }

    private record Key(String rep, String currency) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byRep = rep.compareTo(other.rep);
            return byRep != 0 ? byRep : currency.compareTo(other.currency);
        }
    }
}
