package com.billflow.security;

import com.billflow.BillflowProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Makes sure, on every start and on every node, that the groups of SPEC §2 exist with their
 * authorizations and that the Tasklist filters exist and are visible to the groups they serve.
 * Users are created here only in demo mode: otherwise the first administrator is created in
 * Camunda Admin's set-up page, and nobody has a default password.
 */
@Component
@Order(10)
public class IdentitySetup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final BillflowProperties properties;
    private final List<TaskFilter> taskFilters;
    private final List<GroupGrants> grants;
    private final TransactionTemplate transaction;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                  BillflowProperties properties, List<TaskFilter> taskFilters, List<GroupGrants> grants,
                  PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.properties = properties;
        this.taskFilters = taskFilters;
        this.grants = grants;
    }

    /** A permission some feature's group needs beyond the defaults, e.g. to correlate messages over /engine-rest. */
    public record GroupGrant(String group, Resource resource, String resourceId, Permission permission) {
    }

    /** The grants one feature contributes, as one bean. */
    public record GroupGrants(List<GroupGrant> grants) {
    }

    /**
     * A Tasklist filter some feature wants: its name, query, the groups that see it, and the
     * process variables Tasklist shows on each task card (name to label).
     */
    public record TaskFilter(String name, String description, int priority, TaskQuery query, List<String> groups,
                             Map<String, String> shownVariables) {
    }

    /**
     * Several nodes may start at once on a new database: the one that loses a race to create the
     * same group, grant or filter sees a unique-key error, and simply runs again in a new
     * transaction, where it finds what the other node created.
     */
    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> setUp());
                return;
            } catch (RuntimeException concurrentStart) {
                if (attempt == 3) {
                    throw concurrentStart;
                }
                LOG.warn("Setting up groups, authorizations and filters failed (attempt {}), probably another node did the same: {}",
                        attempt, concurrentStart.getMessage());
                Thread.sleep(500L * attempt);
            }
        }
    }

    private void setUp() {
        createGroup(Groups.ADMIN, "Administrators", "SYSTEM");
        createGroup(Groups.SALES_REP, "Sales reps", "WORKFLOW");
        createGroup(Groups.BILLING, "Billing back office", "WORKFLOW");
        createGroup(Groups.OFFICE_MANAGER, "Laboratory office managers", "WORKFLOW");
        for (Resource resource : Resources.values()) {
            grant(Groups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        for (String group : List.of(Groups.SALES_REP, Groups.BILLING, Groups.OFFICE_MANAGER)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        }
        taskFilters.forEach(this::ensureFilter);
        grants.stream().flatMap(g -> g.grants().stream()).forEach(g -> grant(g.group(), g.resource(), g.resourceId(), g.permission()));
        if (properties.demo().enabled()) {
            createDemoUsers();
        }
    }

    private void createDemoUsers() {
        createUser("demo", "Demo", "Administrator", Groups.ALL);
        createUser("rep", "Riley", "Rep", List.of(Groups.SALES_REP));
        createUser("billing", "Blair", "Billing", List.of(Groups.BILLING));
        createUser("office", "Olive", "Office", List.of(Groups.OFFICE_MANAGER));
        // Office manager of BETA only: LaboratoryDemoData makes the tenant memberships once the laboratories exist.
        createUser("office-beta", "Bea", "Beta", List.of(Groups.OFFICE_MANAGER));
    }

    private void createUser(String id, String firstName, String lastName, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@billflow.example");
            user.setPassword(properties.demo().passwordOf(id));
            identity.saveUser(user);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    private void createGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void ensureFilter(TaskFilter wanted) {
        Filter existing = filters.createFilterQuery().filterName(wanted.name()).singleResult();
        // Updated on every start, so a changed query or card layout reaches databases seeded earlier.
        Filter filter = (existing != null ? existing : filters.newTaskFilter(wanted.name()))
                    .setQuery(wanted.query())
                    .setProperties(Map.of("description", wanted.description(), "priority", wanted.priority(), "refresh", true,
                            "variables", wanted.shownVariables().entrySet().stream()
                                    .map(v -> Map.of("name", v.getKey(), "label", v.getValue())).toList()));
        filters.saveFilter(filter);
        for (String group : wanted.groups()) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Grants.toGroup(authorizations, groupId, resource, resourceId, permission);
    }
}
