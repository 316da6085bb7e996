package com.billflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An empty database of the test profile's kind, dropped on {@link #close()}: H2 in memory by
 * default, or with {@code -Ppostgres} a new PostgreSQL database {@code billflow_recovery_<random>}
 * created next to the suite's (DB_URL, default jdbc:postgresql://127.0.0.1:5432/billflow_test;
 * DB_USER, DB_PASSWORD), for tests that need a database nobody has started on yet.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final String SUITE_URL = env("DB_URL", "jdbc:postgresql://127.0.0.1:5432/billflow_test");

    private final String name;
    private final boolean postgres;

    private ScratchDatabase(String name, boolean postgres) {
        this.name = name;
        this.postgres = postgres;
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("billflow.test.profile", "default"));
    }

    public static ScratchDatabase create() throws SQLException {
        String name = "billflow_recovery_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (onPostgres()) {
            try (Connection admin = DriverManager.getConnection(SUITE_URL, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
                 Statement statement = admin.createStatement()) {
                statement.execute("create database " + name);
            }
        }
        return new ScratchDatabase(name, onPostgres());
    }

    public boolean isPostgres() {
        return postgres;
    }

    public String url() {
        if (!postgres) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
        int query = SUITE_URL.indexOf('?');
        String base = query < 0 ? SUITE_URL : SUITE_URL.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : SUITE_URL.substring(query));
    }

    public String username() {
        return onPostgres() ? env("DB_USER", "postgres") : "sa";
    }

    public String password() {
        return onPostgres() ? env("DB_PASSWORD", "") : "";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), username(), password());
    }

    /** The arguments that point an application at this database, as a node's command line would. */
    public String[] datasourceArguments() {
        return new String[]{"--spring.datasource.url=" + url(), "--spring.datasource.username=" + username(),
                "--spring.datasource.password=" + password()};
    }

    @Override
    public void close() throws SQLException {
        if (postgres) {
            try (Connection admin = DriverManager.getConnection(SUITE_URL, username(), password());
                 Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } else {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("shutdown");
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
