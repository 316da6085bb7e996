/** The process engine's tables: Camunda's Liquibase changelog, applied under a lock after Flyway and before the engine starts. */
package com.billflow.process.schema;
