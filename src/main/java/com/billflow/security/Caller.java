package com.billflow.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;

/** The signed-in user of a request: the Camunda user id and the ids of their Camunda groups. */
public record Caller(String userId, List<String> groups) {

    public static Caller from(Authentication authentication) {
        return new Caller(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    public boolean isIn(String... anyOfGroups) {
        for (String group : anyOfGroups) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }
}
