package com.billflow.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Seeds the surgical demo data ({@link DemoData}) and the laboratory demo data ({@link LaboratoryDemoData}) on two
 * threads and returns when both are done (the app answers 503 "starting" until then):
 * <ul>
 *   <li>the start-up thread: laboratories and clients, the two invoices at the head of "Invoices to authorise", then
 *       ALPHA's other production invoices;</li>
 *   <li>a thread of its own ({@code demo-seeding}): the surgical cases, then (once the head of "Invoices to authorise"
 *       is seeded) BETA's automated invoices and the proposals.</li>
 * </ul>
 * The two share no rows of their own (facilities, cases and their number series; ALPHA's invoice and credit note series;
 * BETA's series and the proposal series) and each walks its documents in the same order as before, so the demo data
 * and its numbers are the same as when one thread seeded everything; the start-up's wall time gets the second part for
 * free on a second core (README "Start-up"). Runs only with {@code billflow.demo.enabled=true}, after the users,
 * groups and tenants exist.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "billflow.demo.enabled", havingValue = "true")
class DemoSeeding implements ApplicationRunner {

    private final DemoData surgical;
    private final LaboratoryDemoData laboratory;

    DemoSeeding(DemoData surgical, LaboratoryDemoData laboratory) {
        this.surgical = surgical;
        this.laboratory = laboratory;
    }

    /**
     * Seeds both; a failure of either fails the start-up with its own exception, after the other one has finished.
     */
    @Override
    public void run(ApplicationArguments args) {
        // true when the laboratory documents are to be seeded and the head of "Invoices to authorise" is in place
        CompletableFuture<Boolean> headSeeded = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                surgical.seed();
                if (headSeeded.join()) {
                    laboratory.seedAutomationAndProposals();
                }
                second.complete(null);
            } catch (Throwable failure) {
                second.completeExceptionally(failure);
            }
        }, "demo-seeding");
        thread.start();
        boolean documents = false;
        try {
            documents = laboratory.seedDirectory();
            if (documents) {
                laboratory.seedAuthoriseQueueHead();
            }
            headSeeded.complete(documents);
            if (documents) {
                laboratory.seedInvoices();
            }
        } catch (RuntimeException | Error failure) {
            // the other thread must not wait for a head that never comes
            headSeeded.completeExceptionally(failure);
            throw failure;
        } finally {
            joinRethrowing(second);
        }
        if (documents) {
            laboratory.logSeeded();
        }
    }

    private static void joinRethrowing(CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }
}
