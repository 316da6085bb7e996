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

    /** Tables that grow with the business; small tables (facilities, the pending PO summary) may be scanned. */
    private static final Set<String> LARGE_TABLES = Set.of("surgical_case", "surgical_case_line", "surgical_case_po");
    private static final int PENDING = 9_000;
    private static final int INVOICED = 1_000;
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
            JsonNode plan = explain(statement);
            List<String> scanned = new ArrayList<>();
            fullScans(plan, false, scanned);
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
    private JsonNode explain(RecordedStatements.Statement statement) throws Exception {
        try (Connection connection = database.connect()) {
            try (Statement settings = connection.createStatement()) {
                settings.execute("set enable_seqscan = off");
            }
            try (PreparedStatement explain = connection.prepareStatement("explain (format json) " + statement.sql())) {
                for (Map.Entry<Integer, Object> parameter : statement.parameters().entrySet()) {
                    explain.setObject(parameter.getKey(), parameter.getValue());
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
