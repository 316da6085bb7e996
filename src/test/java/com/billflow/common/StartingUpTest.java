package com.billflow.common;

import com.billflow.support.Nodes;
import com.billflow.support.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Between the moment Tomcat listens and the end of the start-up runners (processes, groups, users,
 * demo data) a node answers 503 "starting" with Retry-After on the API, the engine's REST API and the
 * pages instead of a misleading 401; health stays open; once ready, requests reach security as usual.
 * The node is held in that window by a listener of ApplicationStartedEvent (after the web server
 * started, before the runners).
 */
class StartingUpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersStartingUntilTheRunnersAreDoneThenTheUsualAnswers() throws Exception {
        CountDownLatch holdBeforeRunners = new CountDownLatch(1);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        ApplicationListener<WebServerInitializedEvent> listening = event -> port.complete(event.getWebServer().getPort());
        ApplicationListener<ApplicationStartedEvent> beforeRunners = event -> {
            try {
                holdBeforeRunners.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (ScratchDatabase database = ScratchDatabase.create()) {
            CompletableFuture<ConfigurableApplicationContext> node = CompletableFuture.supplyAsync(() -> {
                try {
                    return Nodes.start("starting", database, false, List.of(listening, beforeRunners));
                } catch (RuntimeException e) {
                    port.completeExceptionally(e);
                    throw e;
                }
            });
            String base = "http://127.0.0.1:" + port.get(120, TimeUnit.SECONDS);
            try {
                // when the node listens but its runners have not run (no users, groups or processes yet)
                for (String path : List.of("/api/dashboard/pending-po", "/engine-rest/task", "/", "/billflow/dashboard.html")) {
                    HttpResponse<String> starting = get(base + path, "billing:billing");
                    // then
                    assertThat(starting.statusCode()).as(path).isEqualTo(503);
                    assertThat(starting.headers().firstValue("Retry-After")).as(path).contains("5");
                    assertThat(starting.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                    assertThat(starting.body()).as(path).contains("\"error\":\"STARTING\"");
                }
                // (its own status, whatever it is: this node has no SMTP server, so mail health is DOWN)
                assertThat(get(base + "/actuator/health", null).body()).contains("\"status\"").doesNotContain("STARTING");
                HttpResponse<String> readiness = get(base + "/actuator/health/readiness", null);
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(readiness.body()).contains("OUT_OF_SERVICE");

                // when the runners have run
                holdBeforeRunners.countDown();
                node.get(120, TimeUnit.SECONDS);

                // then security answers as usual (no demo users here: billing is nobody)
                HttpResponse<String> ready = get(base + "/api/dashboard/pending-po", "billing:billing");
                assertThat(ready.statusCode()).isEqualTo(401);
                assertThat(ready.body()).doesNotContain("STARTING");
                assertThat(get(base + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            } finally {
                holdBeforeRunners.countDown();
                node.get(120, TimeUnit.SECONDS).close();
            }
        }
    }

    private HttpResponse<String> get(String url, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
