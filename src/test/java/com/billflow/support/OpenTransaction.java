package com.billflow.support;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs {@code work} in a transaction on another thread and keeps that transaction open until closed: a step that
 * has done its work (taken its number, rendered its PDF, started its process) but not committed yet, as while
 * the engine flushes or a slow render finishes. What it locked stays locked until {@link #close()}.
 */
public final class OpenTransaction<T> implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch done = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile T value;
    private Future<T> committed;

    public static <T> OpenTransaction<T> begin(PlatformTransactionManager transactionManager, Supplier<T> work) {
        OpenTransaction<T> open = new OpenTransaction<>();
        open.committed = open.thread.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
            open.value = work.get();
            open.done.countDown();
            try {
                open.release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return open.value;
        }));
        return open;
    }

    /** What the work answered, once it has; its transaction stays open until {@link #close()}. */
    public T result() throws Exception {
        if (!done.await(30, TimeUnit.SECONDS)) {
            committed.get(1, TimeUnit.SECONDS); // throws the work's failure, if any
            throw new AssertionError("the work in the open transaction did not finish");
        }
        return value;
    }

    /** Lets the transaction commit and waits for it. */
    @Override
    public void close() throws Exception {
        release.countDown();
        committed.get(30, TimeUnit.SECONDS);
        thread.shutdown();
    }
}
