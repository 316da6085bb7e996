package com.billflow.surgicalcase;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Counters of cases and value kept in a table beside the cases: the changes of one transaction
 * are added up per key and handed to the writer just before the transaction commits, in key
 * order. So a counter row stays locked only for the commit itself, and two transactions never wait
 * for each other crosswise. The writer adds ({@code set n = n + ?}), never reads and writes back.
 *
 * @param <K> the counter row's key
 */
final class CommitTimeCounters<K extends Comparable<K>> {

    /** A change of a counter row: cases (may be negative) and value in the row's currency. */
    record Delta(long cases, BigDecimal value) {
        Delta plus(Delta other) {
            return new Delta(cases + other.cases, value.add(other.value));
        }

        boolean isZero() {
            return cases == 0 && value.signum() == 0;
        }
    }

    private final String what;
    private final BiConsumer<K, Delta> writer;
    private final TransactionTemplate newTransaction;

    /**
     * @param what   the counters' name for the error when no transaction is active, e.g. "The pending PO summary"
     * @param writer adds a delta to its row ({@code update ... set n = n + ?}); the row exists ({@link #ensureRow})
     */
    CommitTimeCounters(String what, BiConsumer<K, Delta> writer, PlatformTransactionManager transactionManager) {
        this.what = what;
        this.writer = writer;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Creates a counter row at zero unless it {@code exists}, in its own short transaction, so that two
     * first cases of a row on two nodes both succeed (the loser's duplicate key is the winner's row).
     */
    void ensureRow(BooleanSupplier exists, Runnable insertAtZero) {
        if (exists.getAsBoolean()) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> insertAtZero.run());
        } catch (DuplicateKeyException createdByAnotherCaller) {
            // the other caller's row serves us too
        }
    }

    /** Adds to the counter row {@code key} when the caller's transaction commits; needs a transaction. */
    void add(K key, long cases, BigDecimal value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(what + " changes only inside the transaction that changes the case");
        }
        @SuppressWarnings("unchecked")
        Changes changes = (Changes) TransactionSynchronizationManager.getResource(this);
        if (changes == null) {
            changes = new Changes();
            TransactionSynchronizationManager.bindResource(this, changes);
            TransactionSynchronizationManager.registerSynchronization(changes);
        }
        changes.deltas.merge(key, new Delta(cases, value), Delta::plus);
    }

    /** One transaction's changes, written just before it commits. */
    private final class Changes implements TransactionSynchronization {

        private final Map<K, Delta> deltas = new TreeMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            deltas.forEach((key, delta) -> {
                if (!delta.isZero()) {
                    writer.accept(key, delta);
                }
            });
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CommitTimeCounters.this);
        }
    }
}
