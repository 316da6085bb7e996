package com.billflow.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Runs the integration suite against H2 by default and against PostgreSQL with
 * {@code mvn verify -Ppostgres} (which sets the system property billflow.test.profile=postgres).
 */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        String profile = System.getProperty("billflow.test.profile", "default");
        return "postgres".equals(profile) ? new String[]{"postgres", "test-postgres"} : new String[]{"test"};
    }
}
