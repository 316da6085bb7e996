package com.billflow.security;

import com.billflow.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's authorization checks take the caller's groups as given (issue 11: Camunda read every group of
 * ACT_RU_AUTHORIZATION before each check, a whole-table scan that grows with every task) and still answer as before.
 */
class AuthenticatedGroupsAsGivenTest extends IntegrationTest {

    @Autowired
    private AuthorizationService authorizations;

    @Test
    void theEngineUsesBillflowsAuthorizationManager() {
        assertThat(manager()).isInstanceOf(AuthenticatedGroupsAsGiven.Manager.class);
    }

    @Test
    void aShortGroupListIsTakenAsGivenWithoutNullsAndRepeats() {
        // given groups of which one has no authorization at all
        List<String> groups = Arrays.asList("billing", null, "no-such-group-" + System.nanoTime(), "billing");

        // then none is dropped for lack of authorizations; the null and the repeat go
        assertThat(filter(groups)).containsExactly("billing", groups.get(2));
    }

    @Test
    void aLongGroupListStillGoesThroughTheEnginesFilter() {
        // given more groups than the shortcut takes, only one of them named in an authorization
        List<String> groups = new ArrayList<>(IntStream.range(0, AuthenticatedGroupsAsGiven.MAX_GROUPS + 1)
                .mapToObj(i -> "unused-group-" + i + "-" + System.nanoTime()).toList());
        groups.add("billing");

        // then the engine's filter keeps only the group with authorizations
        assertThat(filter(groups)).containsExactly("billing");
    }

    @Test
    void rightsOfAGroupWithoutTheShortcutsFilterAreTheSame() {
        // a group's grant is seen, and a group without one grants nothing (the checks' answers, not the filter's)
        String group = "grp-" + System.nanoTime();
        String user = "usr-" + System.nanoTime();
        assertThat(authorizations.isUserAuthorized(user, List.of(group), Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();

        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.APPLICATION);
        grant.setResourceId("cockpit");
        grant.addPermission(Permissions.ACCESS);
        authorizations.saveAuthorization(grant);
        try {
            assertThat(authorizations.isUserAuthorized(user, List.of("other-" + System.nanoTime(), group), Permissions.ACCESS,
                    Resources.APPLICATION, "cockpit")).isTrue();
            assertThat(authorizations.isUserAuthorized(user, List.of("other-" + System.nanoTime()), Permissions.ACCESS,
                    Resources.APPLICATION, "cockpit")).isFalse();
        } finally {
            authorizations.deleteAuthorization(grant.getId());
        }
    }

    private AuthorizationManager manager() {
        return configuration().getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
    }

    private List<String> filter(List<String> groups) {
        return configuration().getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }
}
