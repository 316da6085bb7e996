package com.billflow.surgicalcase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/**
 * The dashboard's figures: how many cases, and worth how much, per measure, rep, currency and day,
 * in the table {@code case_figures}. The charts add up these rows (a few per rep and day) instead
 * of reading the cases, so they cost the same at a million cases. Measures (see {@link #of}):
 * <ul>
 *   <li>{@code STATUS_<status>} by event (procedure) date: cases by status, pending POs by age;</li>
 *   <li>{@code INVOICE_UNPAID} by invoice date: issued invoices not yet paid in full;</li>
 *   <li>{@code COMMISSION_DUE} by invoice date: invoiced cases whose rep's commission is not yet paid.</li>
 * </ul>
 * The case service records every change of a case here in its own transaction ({@link #snapshot}
 * before, {@link #changed} after), written at commit ({@link CommitTimeCounters}).
 */
@Component
class CaseFigures {

    static final String STATUS_PREFIX = "STATUS_";
    static final String INVOICE_UNPAID = "INVOICE_UNPAID";
    static final String COMMISSION_DUE = "COMMISSION_DUE";

    /** One counter row of {@code case_figures}. */
    record Key(String measure, String rep, String currency, LocalDate day) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::measure).thenComparing(Key::rep)
                .thenComparing(Key::currency).thenComparing(Key::day);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private final JdbcClient jdbc;
    private final CommitTimeCounters<Key> counters;

    CaseFigures(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.counters = new CommitTimeCounters<>("The dashboard's case figures", this::write, transactionManager);
    }

    /** The rows the case counts in now; take it before changing the case and pass it to {@link #changed}. */
    Set<Key> snapshot(SurgicalCase surgicalCase) {
        return of(surgicalCase);
    }

    /** Moves the case out of the rows it counted in {@code before} and into those it counts in now. Needs a transaction. */
    void changed(Set<Key> before, SurgicalCase surgicalCase) {
        Set<Key> now = of(surgicalCase);
        BigDecimal value = surgicalCase.total().amount();
        for (Key left : before) {
            if (!now.contains(left)) {
                counters.add(left, -1, value.negate());
            }
        }
        for (Key entered : now) {
            if (!before.contains(entered)) {
                ensureRow(entered);
                counters.add(entered, 1, value);
            }
        }
    }

    static Set<Key> of(SurgicalCase c) {
        String rep = c.getRep();
        String currency = c.currency().getCurrencyCode();
        Set<Key> keys = new HashSet<>();
        keys.add(new Key(STATUS_PREFIX + c.getStatus().name(), rep, currency, c.getProcedureDate()));
        if (c.getInvoiceNumber() != null && c.getStatus() != SurgicalCaseStatus.CANCELLED) {
            if (!c.isInvoicePaid()) {
                keys.add(new Key(INVOICE_UNPAID, rep, currency, c.getInvoiceDate()));
            }
            if (!c.isCommissionPaid()) {
                keys.add(new Key(COMMISSION_DUE, rep, currency, c.getInvoiceDate()));
            }
        }
        return keys;
    }

    private void write(Key key, CommitTimeCounters.Delta delta) {
        int updated = jdbc.sql("""
                        update case_figures set case_count = case_count + ?, total_value = total_value + ?
                        where measure = ? and rep = ? and currency = ? and figure_date = ?""")
                .param(delta.cases()).param(delta.value())
                .param(key.measure()).param(key.rep()).param(key.currency()).param(key.day()).update();
        if (updated != 1) {
            throw new IllegalStateException("case_figures has no row for " + key + ": was it deleted by hand?");
        }
    }

    private void ensureRow(Key key) {
        counters.ensureRow(() -> jdbc.sql("select count(*) from case_figures where measure = ? and rep = ? and currency = ? and figure_date = ?")
                        .param(key.measure()).param(key.rep()).param(key.currency()).param(key.day()).query(Long.class).single() > 0,
                () -> jdbc.sql("""
                                insert into case_figures (measure, rep, currency, figure_date, case_count, total_value)
                                values (?, ?, ?, ?, 0, 0)""")
                        .param(key.measure()).param(key.rep()).param(key.currency()).param(key.day()).update());
    }
}
