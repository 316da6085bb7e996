package com.billflow.process.schema;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.exception.DatabaseException;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.lockservice.DatabaseChangeLogLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Camunda's changelog applied by Liquibase, with two steps before the update, both while
 * {@link SchemaLock} is held so that no other node can be half-way through them:
 * <ol>
 *   <li>a Liquibase lock left set by a killed node is released, where the lock proves that no
 *       other run is under way;</li>
 *   <li>engine tables that Camunda's own schema-update created (no Liquibase history) are recorded
 *       as applied ({@code changelogSync}, as Camunda's guide says for such databases) when the
 *       schema log's newest version is {@value #ENGINE_MINOR_VERSION}; any other version would make
 *       Liquibase re-run scripts over existing tables, so the start is refused with what to do.</li>
 * </ol>
 * Not a Spring bean: {@link EngineSchema} creates it, so that Spring Boot does not order it as its
 * own Liquibase bean, before Flyway.
 */
class CamundaChangelog extends SpringLiquibase {

    /** The engine version this build runs (camunda.version in pom.xml). */
    static final String ENGINE_MINOR_VERSION = "7.24";

    private static final Logger LOG = LoggerFactory.getLogger(CamundaChangelog.class);

    private final DataSource dataSource;
    private final boolean mayReleaseLeftLocks;

    CamundaChangelog(DataSource dataSource, boolean mayReleaseLeftLocks) {
        this.dataSource = dataSource;
        this.mayReleaseLeftLocks = mayReleaseLeftLocks;
    }

    @Override
    protected void performUpdate(Liquibase liquibase) throws LiquibaseException {
        if (mayReleaseLeftLocks) {
            releaseLocksLeftByCrashedNodes(liquibase);
        }
        EngineTables tables = readEngineTables();
        if (tables.createdWithoutLiquibase()) {
            if (!tables.isAtMinorVersion(ENGINE_MINOR_VERSION)) {
                throw new LiquibaseException("The Camunda tables in this database were created without Liquibase and are at version "
                        + (tables.schemaLogVersion() == null ? "unknown (no ACT_GE_SCHEMA_LOG)" : tables.schemaLogVersion())
                        + ", but this build runs Camunda " + ENGINE_MINOR_VERSION + ". Upgrade them to " + ENGINE_MINOR_VERSION
                        + " with Camunda's SQL upgrade scripts (camunda-engine jar, org/camunda/bpm/engine/db/upgrade/) first;"
                        + " the next start then records Camunda's Liquibase changelog as applied.");
            }
            LOG.info("The Camunda {} tables were created by the engine's schema-update: recording Camunda's Liquibase changelog as applied (changelogSync)",
                    tables.schemaLogVersion());
            liquibase.changeLogSync(new Contexts(), new LabelExpression());
        }
        super.performUpdate(liquibase);
    }

    private static void releaseLocksLeftByCrashedNodes(Liquibase liquibase) throws LiquibaseException {
        DatabaseChangeLogLock[] locks = liquibase.listLocks();
        if (locks.length > 0) {
            LOG.warn("Releasing the Liquibase lock that {} took at {} and never released (that node was stopped during its schema run)",
                    locks[0].getLockedBy(), locks[0].getLockGranted());
            liquibase.forceReleaseLocks();
        }
    }

    private EngineTables readEngineTables() throws DatabaseException {
        try (Connection connection = dataSource.getConnection()) {
            return EngineTables.read(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
