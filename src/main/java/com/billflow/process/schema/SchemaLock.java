package com.billflow.process.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * Lets one schema run at a time: within this JVM (two application contexts in one test), and on
 * PostgreSQL across nodes by a session-level advisory lock, which the server releases when the
 * holder's connection ends, also when its node is killed. While it is held no other run can be
 * under way, so a Liquibase lock row still marked as locked was left by a crashed node
 * ({@link #excludesEveryOtherRun()}): Liquibase's own lock is a flag in a table that a kill -9
 * leaves set, and would make every later start wait five minutes and fail.
 */
final class SchemaLock implements AutoCloseable {

    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();
    /** "billflow" in ASCII: the key of the advisory lock, the same on every node. */
    private static final long ADVISORY_LOCK_KEY = 0x62696c6c666c6f77L;

    private final Connection advisoryConnection;
    private final boolean excludesEveryOtherRun;

    private SchemaLock(Connection advisoryConnection, boolean excludesEveryOtherRun) {
        this.advisoryConnection = advisoryConnection;
        this.excludesEveryOtherRun = excludesEveryOtherRun;
    }

    /** Waits for the lock; on PostgreSQL keeps one connection of the pool until {@link #close()}. */
    static SchemaLock acquire(DataSource dataSource) throws SQLException {
        IN_THIS_JVM.lock();
        try {
            Connection connection = dataSource.getConnection();
            String product = connection.getMetaData().getDatabaseProductName();
            if ("PostgreSQL".equals(product)) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select pg_advisory_lock(" + ADVISORY_LOCK_KEY + ")");
                }
                return new SchemaLock(connection, true);
            }
            boolean embedded = "H2".equals(product) && isEmbeddedH2(connection.getMetaData().getURL());
            connection.close();
            return new SchemaLock(null, embedded);
        } catch (SQLException | RuntimeException e) {
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    /** True when no other process can run Liquibase on this database while the lock is held. */
    boolean excludesEveryOtherRun() {
        return excludesEveryOtherRun;
    }

    /** An H2 database that only this JVM opens: in memory or a file, not a server nor AUTO_SERVER. */
    private static boolean isEmbeddedH2(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        return !upper.startsWith("JDBC:H2:TCP:") && !upper.startsWith("JDBC:H2:SSL:") && !upper.contains("AUTO_SERVER=TRUE");
    }

    @Override
    public void close() throws SQLException {
        try {
            if (advisoryConnection != null) {
                try (Statement statement = advisoryConnection.createStatement()) {
                    statement.execute("select pg_advisory_unlock(" + ADVISORY_LOCK_KEY + ")");
                } catch (SQLException unlockFailed) {
                    // never hand a connection that may still hold the lock back to the pool: end its session
                    advisoryConnection.abort(Runnable::run);
                    throw unlockFailed;
                } finally {
                    advisoryConnection.close();
                }
            }
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
