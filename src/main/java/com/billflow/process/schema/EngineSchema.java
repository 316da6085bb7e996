package com.billflow.process.schema;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Creates and upgrades the process engine's tables before the engine starts, with the Liquibase
 * changelog that Camunda ships in the engine jar ({@value #CHANGELOG}: a 7.16 baseline, then one
 * upgrade script per minor version, for H2 and PostgreSQL alike), instead of the engine's own
 * {@code schema-update}, which races when two nodes start on an empty database.
 * <p>
 * Nodes take turns ({@link SchemaLock}), so the tables are created once and every other node
 * finds them recorded in Liquibase's {@code DATABASECHANGELOG}; Flyway keeps the domain tables in
 * {@code flyway_schema_history}. A database whose engine tables Camunda created itself (before
 * Billflow used Liquibase) is recorded as up to date when its schema log says 7.24; see
 * {@link CamundaChangelog}. Spring Boot runs this bean after Flyway and before the engine:
 * {@link EngineSchemaInitializerDetector}, {@link EngineDependsOnEngineSchema}.
 * <p>
 * Errors: a {@link liquibase.exception.LiquibaseException} (the application does not start) when a
 * script fails, or when the engine tables are of another Camunda version without Liquibase history.
 */
@Component
public class EngineSchema implements InitializingBean {

    /** Camunda's changelog, always by this path: Liquibase identifies applied changesets by id, author and this path. */
    public static final String CHANGELOG = "classpath:org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml";

    private final DataSource dataSource;
    private final ResourceLoader resourceLoader;

    EngineSchema(DataSource dataSource, ResourceLoader resourceLoader) {
        this.dataSource = dataSource;
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        try (SchemaLock lock = SchemaLock.acquire(dataSource)) {
            CamundaChangelog changelog = new CamundaChangelog(dataSource, lock.excludesEveryOtherRun());
            changelog.setDataSource(dataSource);
            changelog.setChangeLog(CHANGELOG);
            changelog.setResourceLoader(resourceLoader);
            changelog.setAnalyticsEnabled(false);
            changelog.afterPropertiesSet();
        }
    }
}
