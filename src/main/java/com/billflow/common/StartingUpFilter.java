package com.billflow.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers every request with 503 and {@code {"error":"STARTING",...}} (and {@code Retry-After: 5}) until
 * the application is ready: Tomcat accepts requests as soon as it listens, but the start-up runners
 * (process deployment, groups and users, demo data) run after that, and until the users exist every
 * signed-in request would be refused with a misleading 401. Ready is Spring Boot's readiness state
 * {@link ReadinessState#ACCEPTING_TRAFFIC}, set once every runner has finished. {@code /actuator/health}
 * stays open, so a supervisor or load balancer sees the real state (its readiness group says
 * OUT_OF_SERVICE until then). Runs before Spring Security, so no identity query runs while starting.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartingUpFilter extends OncePerRequestFilter {

    /** Seconds a client is asked to wait before it asks again. */
    static final int RETRY_AFTER_SECONDS = 5;
    static final String BODY = "{\"error\":\"STARTING\",\"message\":\"Billflow is starting (deploying processes, setting up users"
            + " and demo data); try again in a few seconds\"}";

    private final ApplicationAvailability availability;
    /** Once ready, never starting again: a single volatile read per request from then on. */
    private volatile boolean ready;

    StartingUpFilter(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready || (ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) || isHealthCheck(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(BODY);
    }

    private static boolean isHealthCheck(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }
}
