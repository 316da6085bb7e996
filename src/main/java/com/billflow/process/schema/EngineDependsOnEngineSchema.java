package com.billflow.process.schema;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

import java.util.Set;

/**
 * Makes the process engine (Camunda's {@code ProcessEngineFactoryBean}, and any {@code ProcessEngine}
 * bean) wait for the database initializers, {@link EngineSchema} among them; registered in
 * META-INF/spring.factories as Spring Boot documents for beans that depend on an initialized database.
 */
public class EngineDependsOnEngineSchema extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
    }
}
