package com.billflow.surgicalcase;

import jakarta.persistence.PostUpdate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tells a waiting request that a case changed on this node: the case's row (status, PO, invoice number, sent,
 * paid: any update, through {@link SurgicalCase}'s entity listener) or its payments ({@link SurgicalCaseService}).
 * A change counts once its transaction has committed, so the waiter then reads it.
 * <p>
 * Only cases someone waits for are tracked (an entry per case while it has subscribers). Changes made on another node
 * are not signalled here: {@link CaseWaits} reads the case again at least every second for them.
 */
@Component
public class CaseChanges {

    private final ConcurrentMap<Long, Signal> signals = new ConcurrentHashMap<>();

    /**
     * Subscribes to changes of case {@code caseId} committed from now on; subscribe before reading the case, so that
     * a change committed between the read and the wait is not missed. Close the subscription when done.
     */
    public Subscription subscribe(Long caseId) {
        Signal signal = signals.compute(caseId, (id, existing) -> {
            Signal s = existing == null ? new Signal() : existing;
            s.subscribers++;
            return s;
        });
        return new Subscription(caseId, signal, signal.count());
    }

    /** Case {@code caseId} changed: signalled now when no transaction is active, else once the current one commits. */
    public void changed(Long caseId) {
        if (caseId == null || !signals.containsKey(caseId)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal(caseId);
                }
            });
        } else {
            signal(caseId);
        }
    }

    private void signal(Long caseId) {
        Signal signal = signals.get(caseId);
        if (signal != null) {
            signal.bump();
        }
    }

    /** The number of cases with subscribers (for tests: subscriptions must not leak). */
    int tracked() {
        return signals.size();
    }

    /** A change counter with its waiters; {@code subscribers} is changed only inside the map's compute. */
    private static final class Signal {
        private long count;
        private int subscribers;

        synchronized long count() {
            return count;
        }

        synchronized void bump() {
            count++;
            notifyAll();
        }

        /** Waits until the count passes {@code seen} or {@code max} has passed; the count then. */
        synchronized long awaitPast(long seen, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            long left;
            while (count <= seen && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000));
            }
            return count;
        }
    }

    /** One request's interest in one case. */
    public final class Subscription implements AutoCloseable {
        private final Long caseId;
        private final Signal signal;
        private long seen;

        private Subscription(Long caseId, Signal signal, long seen) {
            this.caseId = caseId;
            this.signal = signal;
            this.seen = seen;
        }

        /**
         * Waits at most {@code max} for a change committed since the subscription (or since the last call that returned
         * {@code true}).
         *
         * @return whether the case changed
         * @throws InterruptedException when the request's thread is interrupted (the server is stopping)
         */
        public boolean awaitChange(Duration max) throws InterruptedException {
            long now = signal.awaitPast(seen, max);
            boolean changed = now > seen;
            seen = now;
            return changed;
        }

        @Override
        public void close() {
            signals.computeIfPresent(caseId, (id, s) -> --s.subscribers == 0 ? null : s);
        }
    }

    /** The JPA entity listener on {@link SurgicalCase}: every update of a case's row is a change. */
    static class OnCaseUpdate {

        private final CaseChanges changes;

        OnCaseUpdate(CaseChanges changes) {
            this.changes = changes;
        }

        @PostUpdate
        void updated(SurgicalCase surgicalCase) {
            changes.changed(surgicalCase.getId());
        }
    }
}
