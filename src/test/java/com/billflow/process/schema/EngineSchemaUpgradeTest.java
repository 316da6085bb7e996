package com.billflow.process.schema;

import com.billflow.support.Nodes;
import com.billflow.support.ScratchDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import liquibase.exception.LiquibaseException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that Billflow created before the engine's tables came from Liquibase (Flyway's domain
 * tables plus Camunda's schema-update) starts with the new build: Camunda's changelog is recorded as
 * applied and nothing is created twice. Tables of another Camunda version refuse the start, saying
 * what to do. On H2, and on a new PostgreSQL database with -Ppostgres. (The refusal is checked on
 * the schema step itself: a whole application that fails to start in this JVM would reset the
 * logging set-up that the suite's shared context relies on.)
 */
class EngineSchemaUpgradeTest {

    @Test
    void aDatabaseCreatedByTheEnginesSchemaUpdateIsSyncedAndKeepsItsData() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            // given a database as the previous build left it, with a deployment in it
            createTheOldWay(database);

            // when the new build starts on it
            try (ConfigurableApplicationContext node = Nodes.start("upgradedNode", database, false)) {
                // then the old deployment is still there, and the changelog is recorded as applied
                RepositoryService repository = node.getBean(ProcessEngine.class).getRepositoryService();
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("LegacyProcess").count()).isEqualTo(1);
            }
            try (Connection connection = database.connect()) {
                assertThat(EngineSchemaAssertions.recordedChangesets(connection))
                        .containsExactlyElementsOf(EngineSchemaAssertions.changelogChangesets());
                EngineSchemaAssertions.assertComplete(connection, database.isPostgres() ? "postgres" : "h2");
            }
        }
    }

    @Test
    void engineTablesOfAnotherVersionWithoutLiquibaseHistoryRefuseTheStart() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            // given a database whose engine tables say 7.23
            createTheOldWay(database);
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("update ACT_GE_SCHEMA_LOG set VERSION_ = '7.23.0'");
            }

            // when the engine's schema step runs on it (as a node's start does, before the engine), then it refuses
            EngineSchema schema = new EngineSchema(
                    new DriverManagerDataSource(database.url(), database.username(), database.password()), new DefaultResourceLoader());
            assertThatThrownBy(schema::afterPropertiesSet)
                    .isInstanceOf(LiquibaseException.class).rootCause()
                    .hasMessageContaining("at version 7.23.0").hasMessageContaining("Upgrade them to 7.24");
            try (Connection connection = database.connect()) {
                assertThat(EngineSchemaAssertions.recordedChangesets(connection)).isEmpty();
            }
        }
    }

    /** Flyway's migrations, then a standalone 7.24 engine with schema-update "true" deploying one process. */
    private static void createTheOldWay(ScratchDatabase database) {
        Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .placeholders(Map.of("binary_type", database.isPostgres() ? "bytea" : "binary varying"))
                .load().migrate();
        ProcessEngine legacy = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("legacy")
                .setJdbcUrl(database.url())
                .setJdbcUsername(database.username())
                .setJdbcPassword(database.password())
                .setJdbcDriver(database.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        try {
            legacy.getRepositoryService().createDeployment().name("legacy")
                    .addModelInstance("LegacyProcess.bpmn", Bpmn.createExecutableProcess("LegacyProcess")
                            .camundaHistoryTimeToLive(30).startEvent().endEvent().done())
                    .deploy();
        } finally {
            legacy.close();
        }
    }
}
