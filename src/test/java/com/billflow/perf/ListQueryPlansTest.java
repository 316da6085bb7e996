package com.billflow.perf;

import com.billflow.security.Groups;
import com.billflow.support.Nodes;
import com.billflow.support.ScratchDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's CI check (PostgreSQL only, {@code mvn verify -Ppostgres}): with 10,000 cases loaded by SQL into a
 * scratch database, no list query reads every row. Each call below is made over HTTP as a user would make it;
 * every statement it sent on the large tables is EXPLAINed with its own parameters, and a scan that reads one of
 * them whole (see {@link #fullScans}) fails the test with the plan. A new list query, filter or sort without an index shows up here long
 * before it shows up at a million cases.
 */
@EnabledIf("com.billflow.support.ScratchDatabase#onPostgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListQueryPlansTest {

    /** Tables that grow with the business; small tables (facilities, laboratories, clients, the pending PO summary) may be scanned. */
    private static final Set<String> LARGE_TABLES = Set.of("surgical_case", "surgical_case_line", "surgical_case_po", "invoice", "invoice_line");
    private static final int PENDING = 9_000;
    private static final int INVOICED = 1_000;
    /**
     * Laboratory invoices: over 4 laboratories and 40 clients, one every 2 hours from 2024 on; 1 in 50 a proposal, 1 in 50 a
     * credit note, 1 in 97 still a draft, the rest paid. {@link #RARE_CLIENT} has a dozen invoices older than all of them.
     */
    private static final int LAB_INVOICES = 12_000;
    private static final String RARE_CLIENT = "PLANCRARE";
    /**
     * Statements on the invoice table are also run (EXPLAIN ANALYZE), and a page that reads more than this share of the
     * table fails: a walk down the date index that filters out most of what it reads (a rare client, type or status, a
     * deep page whose key is not an index condition) is bounded by the page's Limit in the plan, but not in rows read.
     */
    private static final double MOST_OF_THE_INVOICES_A_PAGE_MAY_READ = 0.05;
    private static final String OFFICE = "planoffice";
    private static final String REP = "planrep";
    private static final String PASSWORD = "Plan-Pa55";

    private final RecordedStatements statements = new RecordedStatements();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ScratchDatabase database;
    private ConfigurableApplicationContext node;
    private String base;

    @BeforeAll
    void startANodeOnTenThousandCases() throws Exception {
        database = ScratchDatabase.create();
        AtomicInteger port = new AtomicInteger();
        ApplicationListener<ApplicationPreparedEvent> recorder = event -> event.getApplicationContext().getBeanFactory().addBeanPostProcessor(statements);
        ApplicationListener<WebServerInitializedEvent> listening = event -> port.set(event.getWebServer().getPort());
        node = Nodes.start("plans", database, false, List.of(recorder, listening));
        base = "http://127.0.0.1:" + port.get();
        IdentityService identity = node.getBean(IdentityService.class);
        user(identity, "planbilling", Groups.BILLING);
        user(identity, REP, Groups.SALES_REP);
        user(identity, "planadmin", Groups.ADMIN);
        user(identity, OFFICE, Groups.OFFICE_MANAGER);
        for (String laboratory : List.of("PLANL1", "PLANL2")) {
            identity.saveTenant(identity.newTenant(laboratory));
            identity.createTenantUserMembership(laboratory, OFFICE);
        }
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into facility (code, name, send_po_reminders, payment_terms_days, version)
                    values ('PLAN1', 'Plan General', false, 30, 0), ('PLAN2', 'Plan Surgical', false, 30, 0)""");
            // 100 reps, 1 in 20 cases in EUR, event dates over 3 years; the rep under test has 1 %
            sql.execute("""
                    insert into surgical_case (case_number, status, facility_code, surgeon, procedure_name, procedure_date, rep,
                                               patient_ref, currency, total, invoice_paid, commission_paid, submitted_at, version)
                    select 'PLAN-P-' || g, 'PENDING_PO', case when g % 2 = 0 then 'PLAN1' else 'PLAN2' end, 'Dr. Plan', 'Knee',
                           date '2024-01-01' + (g * 7919 % 1095), case when g % 100 = 0 then ':rep' else ':rep' || (g % 100) end,
                           'PT-' || g, case when g % 20 = 0 then 'EUR' else 'USD' end, 100 + g % 9000, false, false, now(), 0
                    from generate_series(1, :pending) g""".replace(":rep", REP).replace(":pending", Integer.toString(PENDING)));
            sql.execute("""
                    insert into surgical_case (case_number, status, facility_code, surgeon, procedure_name, procedure_date, rep, patient_ref,
                                               currency, total, po_all_manufacturers, invoice_number, invoice_date, due_date,
                                               invoice_paid, commission_paid, submitted_at, version)
                    select 'PLAN-I-' || g, 'PENDING_PAYMENT', 'PLAN1', 'Dr. Plan', 'Spine', date '2026-01-01' + (g % 28), 'planrep1',
                           'PT-' || g, 'USD', 4000, 'PO-' || g, 'PLAN-INV-' || lpad(g::text, 8, '0'), date '2026-01-01' + (g % 28),
                           date '2026-01-31' + (g % 28), false, false, now(), 0
                    from generate_series(1, :invoiced) g""".replace(":invoiced", Integer.toString(INVOICED)));
            sql.execute("""
                    insert into surgical_case_line (case_id, position, manufacturer, part_number, description, quantity, unit_price, amount)
                    select c.id, p, 'Maker ' || p, 'PN-' || p, 'Implant ' || p, 1, 1000, 1000
                    from surgical_case c cross join generate_series(0, 3) p where c.case_number like 'PLAN-I-%'""");
            sql.execute("""
                    insert into pending_po_summary (rep, currency, case_count, total_value)
                    select rep, currency, count(*), sum(total) from surgical_case where status = 'PENDING_PO' group by rep, currency""");
            sql.execute("""
                    insert into laboratory (code, name, currency, invoice_number_pattern, credit_note_number_pattern, proposal_number_pattern,
                                            email_subject_template, email_body_template, auto_authorise, auto_transmit, auto_book,
                                            auto_book_credit_notes, payment_terms_days, version)
                    select 'PLANL' || l, 'Plan Lab ' || l, 'EUR', 'PL' || l || '-INV-{YYYY}-{#####}', 'PL' || l || '-CN-{YYYY}-{#####}',
                           'PL' || l || '-PR-{YYYY}-{#####}', 'Invoice', 'Attached', false, false, false, false, 30, 0
                    from generate_series(0, 3) l""");
            sql.execute("""
                    insert into client (code, name, transmit_by, version)
                    select 'PLANC' || c, 'Plan Client ' || c, 'MAIL', 0 from generate_series(0, 39) c
                    union all select ':rare', 'Plan Rare Client', 'MAIL', 0""".replace(":rare", RARE_CLIENT));
            sql.execute("""
                    insert into invoice (type, status, number, laboratory_code, client_code, job_number, currency, subtotal, tax_total, total,
                                         invoice_date, due_date, payment_terms_days, created_at, version)
                    select case when g % 50 = 0 then 'CREDIT_NOTE' when g % 50 = 1 then 'PROPOSAL' else 'PRODUCTION' end,
                           case when g % 97 = 0 then 'DRAFT' else 'PAID' end,
                           case when g % 97 = 0 then null else 'PLAN-' || g end,
                           'PLANL' || (abs(g) % 4), case when g < 0 then ':rare' else 'PLANC' || (abs(g) % 40) end, 'JOB-' || g, 'EUR',
                           100, 19, 119, date '2024-01-01' + g / 12, date '2024-01-31' + g / 12, 30,
                           timestamptz '2024-01-01 00:00:00+00' + g * interval '2 hours', 0
                    from generate_series(-12, :invoices) g where g <> 0""".replace(":rare", RARE_CLIENT)
                    .replace(":invoices", Integer.toString(LAB_INVOICES)));
            sql.execute("""
                    insert into invoice_line (invoice_id, position, kind, description, quantity, unit_price, amount)
                    select id, 0, 'SAMPLE_TEST', 'Water analysis', 1, 100, 100 from invoice where job_number like 'JOB-%'""");
            sql.execute("analyze");
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void dashboardFirstPage() throws Exception {
        assertNoFullScan("pending POs, first page", "/api/dashboard/pending-po?size=20", "planbilling");
    }

    @Test
    void dashboardDeepPageByCursor() throws Exception {
        String cursor = cursorAfter(PENDING * 4 / 5, null);
        assertNoFullScan("pending POs, page " + PENDING * 4 / 5 / 20, "/api/dashboard/pending-po?size=20&cursor=" + cursor, "planbilling");
    }

    @Test
    void dashboardRepsPages() throws Exception {
        assertNoFullScan("pending POs, a rep's first page", "/api/dashboard/pending-po?size=20", REP);
        assertNoFullScan("pending POs, a rep's last page", "/api/dashboard/pending-po?size=20&cursor=" + cursorAfter(PENDING / 100 - 20, REP), REP);
    }

    @Test
    void consoleCaseList() throws Exception {
        assertNoFullScan("the case list", "/console/cases", "planbilling");
        assertNoFullScan("a rep's case list", "/console/cases", REP);
    }

    @Test
    void accountingExport() throws Exception {
        assertNoFullScan("the accounting export", "/api/exports/invoices.csv?format=xero&from=2026-01-10&to=2026-01-12", "planadmin");
    }

    @Test
    void consoleInvoiceListFirstAndDeepPages() throws Exception {
        assertNoFullScan("the invoice list", "/console/invoices", "planadmin");
        assertNoFullScan("the invoice list, a deep page", "/console/invoices?after=" + invoiceKeyAfter(LAB_INVOICES * 3 / 4, null), "planadmin");
        assertNoFullScan("an office manager's invoice list", "/console/invoices", OFFICE);
        assertNoFullScan("an office manager's invoice list, a deep page",
                "/console/invoices?after=" + invoiceKeyAfter(LAB_INVOICES * 3 / 8, List.of("PLANL1", "PLANL2")), OFFICE);
    }

    @Test
    void consoleInvoiceListFilters() throws Exception {
        assertNoFullScan("the invoice list of one laboratory", "/console/invoices?laboratory=PLANL3", "planadmin");
        assertNoFullScan("the invoice list of a client with old invoices only", "/console/invoices?client=" + RARE_CLIENT, "planadmin");
        assertNoFullScan("the invoice list of proposals", "/console/invoices?type=PROPOSAL", "planadmin");
        assertNoFullScan("the invoice list of drafts", "/console/invoices?status=DRAFT", "planadmin");
        assertNoFullScan("the invoice list of paid invoices", "/console/invoices?status=PAID", "planadmin");
        assertNoFullScan("the invoice list of a week two years ago", "/console/invoices?from=2024-03-04&to=2024-03-10", "planadmin");
        assertNoFullScan("an office manager's drafts", "/console/invoices?status=DRAFT", OFFICE);
    }

    private void assertNoFullScan(String call, String path, String user) throws Exception {
        statements.start();
        HttpResponse<String> response = get(path, user);
        List<RecordedStatements.Statement> sent = statements.stop();
        assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(200);
        List<RecordedStatements.Statement> onLargeTables = sent.stream()
                .filter(statement -> LARGE_TABLES.stream().anyMatch(table -> statement.sql().toLowerCase().matches("(?s).*\\b" + table + "\\b.*")))
                .toList();
        assertThat(onLargeTables).as(call + ": statements on the large tables").isNotEmpty();
        List<String> fullScans = new ArrayList<>();
        for (RecordedStatements.Statement statement : onLargeTables) {
            boolean onInvoices = statement.sql().toLowerCase().matches("(?s).*\\binvoice\\b.*");
            JsonNode plan = explain(statement, onInvoices);
            List<String> scanned = new ArrayList<>();
            fullScans(plan, false, scanned);
            if (onInvoices) {
                long read = rowsRead(plan, "invoice");
                if (read > LAB_INVOICES * MOST_OF_THE_INVOICES_A_PAGE_MAY_READ) {
                    scanned.add(read + " of the " + LAB_INVOICES + " invoices read");
                }
            }
            if (!scanned.isEmpty()) {
                fullScans.add(scanned + " in\n" + statement.sql() + "\nparameters " + statement.parameters()
                        + "\nplan " + plan.toPrettyString());
            }
        }
        assertThat(fullScans).as(call + ": every row read").isEmpty();
    }

    /**
     * The plan PostgreSQL would choose if the tables were large: with sequential scans priced out
     * ({@code enable_seqscan = off}), since on 10,000 rows a scan of a small table is rightly cheapest;
     * a Seq Scan that remains means no index can serve the query.
     */
    private JsonNode explain(RecordedStatements.Statement statement, boolean analyze) throws Exception {
        try (Connection connection = database.connect()) {
            try (Statement settings = connection.createStatement()) {
                settings.execute("set enable_seqscan = off");
            }
            try (PreparedStatement explain = connection.prepareStatement("explain (" + (analyze ? "analyze, " : "") + "format json) " + statement.sql())) {
                for (Map.Entry<Integer, Object> parameter : statement.parameters().entrySet()) {
                    if (parameter.getValue() == null) {
                        // "? is null" needs a type; the null filters recorded are strings (a status, a type)
                        explain.setNull(parameter.getKey(), java.sql.Types.VARCHAR);
                    } else {
                        explain.setObject(parameter.getKey(), parameter.getValue());
                    }
                }
                try (ResultSet plan = explain.executeQuery()) {
                    plan.next();
                    return json.readTree(plan.getString(1)).get(0).get("Plan");
                }
            }
        }
    }

    /** Nodes that read all their input before giving a row: a Limit above them does not bound the scan below. */
    private static final Set<String> BLOCKING = Set.of("Sort", "Hash", "Aggregate", "Materialize", "WindowAgg", "SetOp", "Unique", "Gather Merge");

    /**
     * Scans of a large table that read all of it: any Seq Scan, and an index scan without an index condition
     * (a walk over the whole index) unless a Limit above it, with no blocking node in between, stops it early.
     */
    private static void fullScans(JsonNode node, boolean bounded, List<String> found) {
        String type = node.path("Node Type").asText();
        String table = node.path("Relation Name").asText();
        if (LARGE_TABLES.contains(table)) {
            boolean seq = type.equals("Seq Scan");
            boolean wholeIndex = (type.equals("Index Scan") || type.equals("Index Only Scan")) && !node.has("Index Cond") && !bounded;
            if (seq || wholeIndex) {
                found.add(type + " on " + table);
            }
        }
        boolean childBounded = type.equals("Limit") || (bounded && !BLOCKING.contains(type));
        for (JsonNode child : node.path("Plans")) {
            fullScans(child, childBounded, found);
        }
    }

    /** Rows the plan's scans of {@code table} read (EXPLAIN ANALYZE): the rows they gave plus those their filters dropped, in all loops. */
    private static long rowsRead(JsonNode node, String table) {
        long read = 0;
        if (table.equals(node.path("Relation Name").asText())) {
            read += Math.round((node.path("Actual Rows").asDouble() + node.path("Rows Removed by Filter").asDouble()
                    + node.path("Rows Removed by Index Recheck").asDouble()) * node.path("Actual Loops").asDouble());
        }
        for (JsonNode child : node.path("Plans")) {
            read += rowsRead(child, table);
        }
        return read;
    }

    /**
     * The Console invoice list's key ({@code after=}) after the invoice at {@code offset} (0-based) of its order, newest
     * first, among {@code laboratories} (null: all), as "Older" would give it.
     */
    private String invoiceKeyAfter(int offset, List<String> laboratories) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select created_at, id from invoice" + (laboratories == null ? "" : " where laboratory_code = any (?)")
                        + " order by created_at desc, id desc offset ? limit 1")) {
            int index = 1;
            if (laboratories != null) {
                query.setArray(index++, connection.createArrayOf("varchar", laboratories.toArray()));
            }
            query.setInt(index, offset);
            try (ResultSet key = query.executeQuery()) {
                key.next();
                return key.getObject(1, java.time.OffsetDateTime.class).toInstant() + "_" + key.getLong(2);
            }
        }
    }

    /** The panel's cursor after the case at {@code offset} (0-based) of the date order, as "Next" would give it. */
    private String cursorAfter(int offset, String rep) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select procedure_date, id from surgical_case where status = 'PENDING_PO'" + (rep == null ? "" : " and rep = ?")
                        + " order by procedure_date, id offset ? limit 1")) {
            int index = 1;
            if (rep != null) {
                query.setString(index++, rep);
            }
            query.setInt(index, offset);
            try (ResultSet key = query.executeQuery()) {
                key.next();
                String text = "after:" + (offset + 1) / 20 + ":" + key.getDate(1) + ":" + key.getLong(2);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    private static void user(IdentityService identity, String id, String group) {
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Plan");
        user.setEmail(id + "@example.com");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
