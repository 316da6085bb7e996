package com.billflow.security;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Authorization checks that use the caller's groups as given instead of first reading every group named in
 * {@code ACT_RU_AUTHORIZATION}.
 * <p>
 * Before each authorization check (completing a task, {@code /api/me}'s webapp rights, Tasklist's queries) Camunda 7.24
 * runs {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} once per command, only to drop the caller's groups
 * that appear in no authorization and so shorten the {@code GROUP_ID_ IN (...)} list of the check. That statement reads
 * the whole table, and with {@code enableHistoricInstancePermissions} the engine adds a row per task and candidate
 * group (historic task permissions) and Billflow a row per case for its rep, kept until history clean-up: after the
 * benchmark's lifecycle runs the table held 38,905 rows, the scan took 7 ms and {@code /api/me} (four checks) 27 ms
 * p50, against 2 ms with a small table. A group without authorizations matches no row of the check anyway, so passing
 * the groups unchanged gives the same answers (Camunda issue 5485; CIB seven and Operaton add the same shortcut as
 * {@code authGroupFilterThreshold}). Lists longer than {@value #MAX_GROUPS} groups still go through the engine's filter.
 * <p>
 * Registered as the engine's session factory for {@link AuthorizationManager} (a custom session factory, the engine's
 * extension point for its managers).
 */
@Component
class AuthenticatedGroupsAsGiven extends SpringBootProcessEnginePlugin {

    /** Callers with more groups than this get the engine's own filter (a short IN list matters more then). */
    static final int MAX_GROUPS = 20;

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new Manager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's manager with the group filter above. */
    static final class Manager extends AuthorizationManager {

        /**
         * The caller's groups without nulls and repeats, in their order; the engine's filter (one read of every group
         * in {@code ACT_RU_AUTHORIZATION}) only for more than {@value #MAX_GROUPS} groups.
         */
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.size() > MAX_GROUPS) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds.stream().filter(Objects::nonNull).toList()));
        }
    }
}
