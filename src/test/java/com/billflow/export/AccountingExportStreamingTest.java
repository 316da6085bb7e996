package com.billflow.export;

import com.billflow.directory.Client;
import com.billflow.directory.Facility;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice.Kind;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseExports;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.billflow.surgicalcase.process.SurgicalCaseTasks;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The range export streams: while it writes, the persistence context holds no case, line or invoice
 * (rows are read through a cursor, not as entities kept for the whole response), and what it writes
 * for each case is exactly what the single-case export writes from the entity.
 */
class AccountingExportStreamingTest extends IntegrationTest {

    private static final Caller ADMIN = new Caller("streaming-test", List.of(Groups.ADMIN));
    private static final Set<String> STREAMED_ENTITIES = Set.of("SurgicalCase", "SurgicalCaseLine", "Invoice", "InvoiceLine");

    @Autowired
    AccountingExport export;
    @Autowired
    SurgicalCaseExports caseExports;
    @Autowired
    SurgicalCaseService cases;
    @Autowired
    SurgicalCaseTasks tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theRangeExportKeepsNoCaseOrInvoiceInMemoryAndWritesWhatTheSingleExportWrites() throws Exception {
        // given, on a day no other test uses, six invoiced cases (POs for all manufacturers and per manufacturer)
        // and one laboratory invoice
        clock.advance(Duration.ofDays(20_000 + ThreadLocalRandom.current().nextInt(10_000)));
        LocalDate day = LocalDate.now(clock);
        Facility facility = fixtures.facility(false);
        String rep = fixtures.user(Groups.SALES_REP);
        List<SurgicalCase> invoiced = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SurgicalCase surgicalCase = cases.submit(Fixtures.request(facility.getCode(), rep, day.minusDays(2)), fixtures.caller(rep));
            if (i % 2 == 0) {
                tasks.addPurchaseOrders(surgicalCase.getId(), "PO-ALL-" + i, null, ADMIN);
            } else {
                tasks.addPurchaseOrders(surgicalCase.getId(), null, Map.of("Acme Ortho", "PO-A-" + i, "Zimmer", "PO-Z-" + i), ADMIN);
            }
            runJobs(surgicalCase);
            invoiced.add(cases.get(surgicalCase.getId()));
        }
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.FAX);
        fixtures.transmittedInvoice(lab, client);

        // when the day is exported, watching the persistence context at every write
        SamplingWriter out = new SamplingWriter();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            try {
                export.write(day, day, AccountingFormat.XERO, Kind.INVOICE, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        // then no case, line or invoice stayed managed while rows were written
        // (the header, then one write per document: each case and the laboratory invoice)
        assertThat(out.samples).as("writes sampled").isGreaterThanOrEqualTo(1 + 6 + 1);
        assertThat(out.managedSeen).as("entities managed while writing").isEmpty();
        // and each case's rows are the single-case export's rows, in invoice-number order, then the laboratory invoice
        List<CSVRecord> rows = parse(out.toString());
        assertThat(rows).hasSize(6 * 3 + 1);
        for (SurgicalCase surgicalCase : invoiced) {
            StringWriter single = new StringWriter();
            caseExports.writeCsv(surgicalCase.getId(), AccountingFormat.XERO, single);
            List<List<String>> expected = parse(single.toString()).stream().map(CSVRecord::toList).toList();
            assertThat(rows.stream().filter(r -> r.get("*InvoiceNumber").equals(surgicalCase.getInvoiceNumber())).map(CSVRecord::toList).toList())
                    .as(surgicalCase.getInvoiceNumber()).isEqualTo(expected);
        }
        assertThat(rows.stream().map(r -> r.get("Reference")).collect(Collectors.toSet()))
                .contains("PO-ALL-0", "Acme Ortho: PO-A-1; Zimmer: PO-Z-1");
        List<String> caseNumbers = rows.subList(0, 18).stream().map(r -> r.get("*InvoiceNumber")).distinct().toList();
        assertThat(caseNumbers).isSorted().hasSize(6);
    }

    private void runJobs(SurgicalCase surgicalCase) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(surgicalCase.getCaseNumber()).singleResult().getId();
        management.createJobQuery().processInstanceId(instance).executable().list().forEach(job -> management.executeJob(job.getId()));
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    /** Collects what is written, and which streamed entities the transaction's persistence context holds at each write. */
    private final class SamplingWriter extends StringWriter {

        int samples;
        final Set<String> managedSeen = new java.util.TreeSet<>();

        @Override
        public void write(String text) {
            sample();
            super.write(text);
        }

        @Override
        public void write(int character) {
            sample();
            super.write(character);
        }

        @Override
        public void write(String text, int offset, int length) {
            sample();
            super.write(text, offset, length);
        }

        @Override
        public void write(char[] text, int offset, int length) {
            sample();
            super.write(text, offset, length);
        }

        private void sample() {
            samples++;
            for (Object key : entityManager.unwrap(Session.class).getStatistics().getEntityKeys()) {
                String entity = ((EntityKey) key).getEntityName();
                String simpleName = entity.substring(entity.lastIndexOf('.') + 1);
                if (STREAMED_ENTITIES.contains(simpleName)) {
                    managedSeen.add(simpleName);
                }
            }
        }
    }
}
