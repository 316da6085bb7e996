package com.billflow.process.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a database holds of the engine before Liquibase runs: whether Camunda's tables exist,
 * whether Liquibase recorded Camunda's baseline changeset, and the newest version in Camunda's
 * schema log ({@code ACT_GE_SCHEMA_LOG.VERSION_}, e.g. "7.24.0"; null without that table).
 */
record EngineTables(boolean present, boolean recordedByLiquibase, String schemaLogVersion) {

    /** Reads the state in the connection's current schema; the tables' names are as the database stores unquoted names. */
    static EngineTables read(Connection connection) throws SQLException {
        boolean present = tableExists(connection, "ACT_GE_PROPERTY");
        boolean recorded = tableExists(connection, "DATABASECHANGELOG")
                && count(connection, "select count(*) from DATABASECHANGELOG where ID = '7.16.0-baseline' and AUTHOR = 'Camunda'") > 0;
        String version = tableExists(connection, "ACT_GE_SCHEMA_LOG") ? newestVersion(connection) : null;
        return new EngineTables(present, recorded, version);
    }

    /** Engine tables that Camunda's schema-update created, without Liquibase's record of them. */
    boolean createdWithoutLiquibase() {
        return present && !recordedByLiquibase;
    }

    /** True when the schema log's newest version is of the given minor version, e.g. "7.24". */
    boolean isAtMinorVersion(String minorVersion) {
        return schemaLogVersion != null && schemaLogVersion.startsWith(minorVersion + ".");
    }

    private static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = meta.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), stored, new String[]{"TABLE"})) {
            return tables.next();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String newestVersion(Connection connection) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions.stream().filter(v -> v != null && v.matches("\\d+(\\.\\d+)*.*"))
                .max(Comparator.comparing(EngineTables::numericParts, Arrays::compare)).orElse(null);
    }

    private static int[] numericParts(String version) {
        return Arrays.stream(version.split("[^0-9]+")).filter(part -> !part.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }
}
