package com.billflow.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Matches requests to the Camunda webapps while no user of {@code camunda-admin} exists, i.e. on a new
 * production database: Camunda Admin then shows its set-up page for the first administrator (Camunda
 * refuses that set-up once an administrator exists). Once one exists it never matches again.
 */
@Component
class FirstAdministratorPending implements RequestMatcher {

    private final IdentityService identity;
    private volatile boolean administratorExists;

    FirstAdministratorPending(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (administratorExists || !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
            return false;
        }
        administratorExists = identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() > 0;
        return !administratorExists;
    }
}
