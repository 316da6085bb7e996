package com.billflow.process.schema;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Spring Boot that {@link EngineSchema} initializes the database (registered in
 * META-INF/spring.factories), ordered after Flyway's migration initializer (order 1): on an empty
 * database Flyway must come first, as it refuses a schema that holds tables but no history of its own.
 */
public class EngineSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(EngineSchema.class);
    }

    @Override
    public int getOrder() {
        return 2;
    }
}
