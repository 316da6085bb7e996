package com.billflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Signs users in with their Camunda user and password; their Camunda group ids become their
 * authorities. One set of users for Tasklist, Cockpit, the REST API and the dashboard.
 * A sign-in with the same user and password within {@code billflow.security.sign-in-cache} (10 s by default) reuses
 * the last one instead of asking Camunda again ({@link RecentSignIns}): API clients send HTTP Basic credentials with
 * every request.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final RecentSignIns recent;

    CamundaIdentityAuthenticationProvider(IdentityService identity,
                                          @Value("${billflow.security.sign-in-cache:PT10S}") Duration signInCache) {
        this.identity = identity;
        this.recent = new RecentSignIns(signInCache);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        // A user id with a control character (NUL from a forged Basic header) names nobody; PostgreSQL would refuse the query.
        if (userId == null || userId.isBlank() || userId.length() > 255 || userId.chars().anyMatch(Character::isISOControl)
                || credentials == null || credentials.toString().indexOf('\0') >= 0) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        String password = credentials.toString();
        Optional<Authentication> again = recent.find(userId, password);
        if (again.isPresent()) {
            // a token of its own: the authentication manager fills in each request's details
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, again.get().getAuthorities());
        }
        if (!identity.checkPassword(userId, password)) {
            recent.forget(userId);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        Authentication signedIn = signedIn(userId);
        recent.remember(userId, password, signedIn);
        return signedIn;
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
