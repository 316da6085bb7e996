package com.billflow.invoice;

import com.billflow.BillflowApplication;
import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.support.IntegrationTest;
import com.billflow.support.TestProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes (two Spring contexts, each with its own process engine) share this test's
 * database, H2 or PostgreSQL with -Ppostgres, and release invoices of one laboratory at the same
 * time through the process: the numbers come out unique and without gaps.
 */
class InvoiceNumberingTwoNodesTest extends IntegrationTest {

    private Caller office;

    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks tasks;
    @Autowired
    Environment environment;

    ConfigurableApplicationContext secondNode;

    @BeforeEach
    void startSecondNode() {
        secondNode = new SpringApplicationBuilder(BillflowApplication.class)
                .profiles(new TestProfiles().resolve(getClass()))
                // command-line arguments, so they win over application.yaml like a real node's settings would
                .run("--server.port=0",
                        "--spring.jmx.enabled=false",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.hikari.pool-name=second-node",
                        "--camunda.bpm.process-engine-name=secondNode",
                        "--camunda.bpm.job-execution.enabled=false",
                        // The webapps keep their Spring context in a static; closing this node would break them for the other tests.
                        "--camunda.bpm.webapp.enabled=false",
                        "--billflow.demo.enabled=false",
                        "--billflow.mail.embedded.enabled=false");
    }

    @AfterEach
    void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void concurrentReleasesOnTwoNodesGetUniqueGapFreeNumbers() throws Exception {
        // given 24 drafts of one laboratory
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        office = fixtures.caller(fixtures.officeManagerOf(lab));
        Client client = fixtures.client(TransmitBy.MAIL);
        List<Long> drafts = IntStream.range(0, 24).mapToObj(i -> draft(lab, client)).toList();
        InvoiceTasks secondNodeTasks = secondNode.getBean(InvoiceTasks.class);

        // when both nodes release them at once, four threads each
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Callable<Invoice>> releases = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            InvoiceTasks node = i % 2 == 0 ? tasks : secondNodeTasks;
            Long id = drafts.get(i);
            releases.add(() -> node.perform(id, InvoiceAction.RELEASE, null, office));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<Invoice> released : threads.invokeAll(releases)) {
            numbers.add(released.get().getNumber());
        }
        threads.shutdown();

        // then
        String prefix = lab.getCode() + "-INV-" + java.time.LocalDate.now().getYear() + "-";
        assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 24).mapToObj(n -> prefix + String.format("%05d", n)).toList());
        drafts.forEach(id -> assertThat(invoices.get(id).getStatus()).isEqualTo(InvoiceStatus.RELEASED));
    }

    private Long draft(Laboratory lab, Client client) {
        Invoice invoice = invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), "JOB", null, null), "office");
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.COST, "Travel", BigDecimal.ONE, new BigDecimal("40.00"), null), "office");
        tasks.perform(invoice.getId(), InvoiceAction.DRAFT, null, office);
        return invoice.getId();
    }
}
