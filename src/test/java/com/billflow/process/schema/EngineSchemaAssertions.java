package com.billflow.process.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a database against what Camunda's own create scripts (the ones schema-update runs, in the
 * engine jar under org/camunda/bpm/engine/db/create/) would have made: every table and index.
 */
final class EngineSchemaAssertions {

    private static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");
    private static final Pattern TABLE = Pattern.compile("(?i)create\\s+table\\s+(\\w+)");
    private static final Pattern INDEX = Pattern.compile("(?i)create\\s+(?:unique\\s+)?index\\s+(\\w+)");

    private EngineSchemaAssertions() {
    }

    /** Every table and index of Camunda's create scripts for {@code database} ("h2" or "postgres") exists. */
    static void assertComplete(Connection connection, String database) throws IOException, SQLException {
        Set<String> tables = new TreeSet<>();
        Set<String> indexes = new TreeSet<>();
        for (String part : PARTS) {
            String script = script("org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql")
                    .replaceAll("--[^\n]*", "");
            collect(TABLE.matcher(script), tables);
            collect(INDEX.matcher(script), indexes);
        }
        assertThat(tables).hasSizeGreaterThan(40);
        assertThat(existingTables(connection)).containsAll(tables);
        assertThat(existingIndexes(connection, tables)).containsAll(indexes);
    }

    /** The ids of Camunda's changesets that Liquibase recorded in DATABASECHANGELOG. */
    static List<String> recordedChangesets(Connection connection) throws SQLException {
        List<String> ids = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select ID from DATABASECHANGELOG where AUTHOR = 'Camunda' order by ORDEREXECUTED")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Every changeset id of Camunda's changelog, in order. */
    static List<String> changelogChangesets() throws IOException {
        String changelog = script("org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml");
        Matcher ids = Pattern.compile("<changeSet author=\"Camunda\" id=\"([^\"]+)\"").matcher(changelog);
        List<String> all = new java.util.ArrayList<>();
        while (ids.find()) {
            all.add(ids.group(1));
        }
        return all;
    }

    private static void collect(Matcher matcher, Set<String> names) {
        while (matcher.find()) {
            names.add(matcher.group(1).toUpperCase(Locale.ROOT));
        }
    }

    private static Set<String> existingTables(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static Set<String> existingIndexes(Connection connection, Set<String> tables) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Set<String> names = new TreeSet<>();
        for (String table : tables) {
            String stored = meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            try (ResultSet rows = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), stored, false, true)) {
                while (rows.next()) {
                    if (rows.getString("INDEX_NAME") != null) {
                        names.add(rows.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = EngineSchemaAssertions.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
