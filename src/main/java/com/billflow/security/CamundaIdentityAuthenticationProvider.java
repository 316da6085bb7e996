package com.billflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs users in with their Camunda user and password; their Camunda group ids become their
 * authorities. One set of users for Tasklist, Cockpit, the REST API and the dashboard.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        // A user id with a control character (NUL from a forged Basic header) names nobody; PostgreSQL would refuse the query.
        if (userId == null || userId.isBlank() || userId.length() > 255 || userId.chars().anyMatch(Character::isISOControl)
                || credentials == null || credentials.toString().indexOf('\0') >= 0
                || !identity.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        return signedIn(userId);
    }

    /** The authentication of a user whose password was checked already, e.g. by the Camunda webapps' login. */
    Authentication signedIn(String userId) {
        var authorities = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
