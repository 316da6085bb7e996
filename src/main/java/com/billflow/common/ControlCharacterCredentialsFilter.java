package com.billflow.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Refuses, before any authentication filter queries the identity tables, credentials whose user
 * name no user can have: a control character (NUL above all, which PostgreSQL refuses in a query
 * and would turn into a 500) in the user name of an HTTP Basic header, on every path — Billflow's
 * {@code /api} and Camunda's {@code /engine-rest} (its own Basic filter).
 * Answers 401 with the contract's JSON body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ControlCharacterCredentialsFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userName = basicUserName(request.getHeader("Authorization"));
        if (hasControlCharacter(userName)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"UNAUTHORIZED\",\"message\":\"The user name contains a control character: no user has such a name\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The user name of a Basic header, or null when there is none or it does not decode. */
    private static String basicUserName(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
