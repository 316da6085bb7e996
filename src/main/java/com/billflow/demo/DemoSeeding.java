package com.billflow.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Seeds the surgical demo data ({@link DemoData}) and the laboratory demo data ({@link LaboratoryDemoData}) at the
 * same time, the surgical cases on a thread of their own and the laboratories on the start-up thread, and returns
 * when both are done (the app answers 503 "starting" until then). The two share no rows of their own (facilities,
 * cases and their number series against laboratories, clients, invoices and theirs) and each walks its documents in
 * the same order as before, so the demo data is the same; the start-up's wall time gets the surgical part for free
 * on a second core (README "Start-up"). Runs only with {@code billflow.demo.enabled=true}, after the users, groups
 * and tenants exist.
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
        CompletableFuture<Void> surgicalCases = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                surgical.seed();
                surgicalCases.complete(null);
            } catch (Throwable failure) {
                surgicalCases.completeExceptionally(failure);
            }
        }, "demo-surgical-cases");
        thread.start();
        try {
            laboratory.seed();
        } finally {
            try {
                surgicalCases.join();
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
}
