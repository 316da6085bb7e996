package com.billflow.support;

import com.billflow.BillflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Starts a whole Billflow node (its own Spring context, engine and web server on a random port) on a given database. */
public final class Nodes {

    private Nodes() {
    }

    /**
     * A node named {@code name} (its engine and connection pool carry the name, so several live in one JVM),
     * without demo data or embedded SMTP; the job executor as given. Throws what the application's start throws.
     */
    public static ConfigurableApplicationContext start(String name, ScratchDatabase database, boolean jobExecutor, String... more) {
        return start(name, database, jobExecutor, List.of(), more);
    }

    /** As {@link #start(String, ScratchDatabase, boolean, String...)}, with listeners of the application's start-up events. */
    public static ConfigurableApplicationContext start(String name, ScratchDatabase database, boolean jobExecutor,
                                                       List<ApplicationListener<?>> listeners, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--spring.datasource.hikari.pool-name=" + name,
                "--camunda.bpm.process-engine-name=" + name,
                // The Camunda webapps keep their context in a static: a second node's webapps would take over the
                // test JVM's Tasklist and Cockpit (SingleSignOnTest would get 500s). These nodes need the engine only.
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                "--billflow.demo.enabled=false",
                "--billflow.mail.embedded.enabled=false"));
        arguments.addAll(Arrays.asList(database.datasourceArguments()));
        arguments.addAll(Arrays.asList(more));
        // command-line arguments, so they win over application.yaml like a real node's settings would
        return new SpringApplicationBuilder(BillflowApplication.class)
                .profiles(new TestProfiles().resolve(Nodes.class))
                .listeners(listeners.toArray(ApplicationListener[]::new))
                .run(arguments.toArray(String[]::new));
    }
}
