package com.billflow.security;

import com.billflow.common.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

import java.io.IOException;
import java.util.Set;

/**
 * Who may call what. {@code /api/**}: HTTP Basic or the browser's session, 401/403 as JSON; a session
 * (not Basic) caller's changes need the CSRF token. {@code /actuator}: health for everyone, metrics for
 * {@code camunda-admin}. {@code /engine-rest/**}: Camunda's own Basic authentication filter, so the
 * engine's authorizations apply to every call. Everything else — the dashboard, the mailbox (administrators
 * only), the API description ({@code /v3/api-docs}, {@code /swagger-ui/index.html}), documents opened in a
 * new tab, Tasklist, Cockpit and Admin — shares one session from one sign-in page ({@link SignInPages}) and
 * one sign-out; the Camunda webapps take that session's user ({@link CamundaWebappsSignOnConfiguration})
 * and keep their own CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (browserNavigation(request)) {
                // e.g. a document link opened after the session ended: sign in, then come back to it (saved request)
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Billflow\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, new ApiError("UNAUTHORIZED",
                    "Sign in with your Billflow (Camunda) user and password, e.g. HTTP Basic"), json);
        };
        AccessDeniedHandler forbidden = (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, e instanceof CsrfException
                ? new ApiError("CSRF", "A change made with the browser's session needs the page's CSRF token (header X-CSRF-TOKEN); API clients use HTTP Basic")
                : new ApiError("FORBIDDEN", "Your groups do not allow this"), json);
        return http.securityMatcher("/api/**")
                // Checked before the body is read, so a caller without the group learns nothing from validation.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/facilities/**", "/api/laboratories/**", "/api/clients/**").hasAuthority(Groups.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/facilities/**", "/api/laboratories/**", "/api/clients/**").hasAuthority(Groups.ADMIN)
                        .requestMatchers("/api/exports/**", "/api/surgical-cases/*/invoice.csv", "/api/invoices/*.csv").hasAuthority(Groups.ADMIN)
                        .requestMatchers("/api/invoices", "/api/invoices/**").hasAnyAuthority(Groups.OFFICE_MANAGER, Groups.ADMIN)
                        .requestMatchers("/api/surgical-cases", "/api/surgical-cases/**", "/api/dashboard/**")
                                .hasAnyAuthority(Groups.SALES_REP, Groups.BILLING, Groups.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                // Basic credentials are never sent by other sites on their own; a session cookie may be.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                        && request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) != null))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/metrics", "/actuator/metrics/**").hasAuthority(Groups.ADMIN)
                        .anyRequest().denyAll())
                .httpBasic(basic -> { })
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pagesAndCamundaWebapps(HttpSecurity http, FirstAdministratorPending firstAdministrator,
                                               CamundaIdentityAuthenticationProvider users) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/billflow/**", "/error", "/favicon.ico").permitAll()
                        // Camunda's Basic authentication filter and the engine's authorizations decide.
                        .requestMatchers("/engine-rest/**").permitAll()
                        // The webapps' own login form: Camunda checks the password, CamundaWebappSignOn opens the session.
                        .requestMatchers(HttpMethod.POST, CamundaWebappSignOn.LOGIN).permitAll()
                        .requestMatchers(firstAdministrator).permitAll()
                        .requestMatchers("/mailbox", "/mailbox/**").hasAuthority(Groups.ADMIN)
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        // The webapps' XHRs learn they are signed out; pages go to the sign-in page.
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new AntPathRequestMatcher("/camunda/api/**")))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard"))
                // Scripts read the API description (/v3/api-docs) with HTTP Basic, as they call /api.
                .httpBasic(basic -> { })
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new CamundaWebappSignOn(users), AuthorizationFilter.class)
                // The Camunda webapps send their own CSRF token (X-XSRF-TOKEN), checked by their CsrfPreventionFilter.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/engine-rest/**"))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // The webapps send their own Content-Security-Policy; Billflow's pages get this one.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new AntPathRequestMatcher("/camunda/**")),
                                new StaticHeadersWriter("Content-Security-Policy",
                                        "default-src 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'"))))
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider",
                "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** A page the browser opens itself (a link, a new tab), not a call of a client or a script. */
    private static boolean browserNavigation(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static void write(HttpServletResponse response, int status, ApiError error, ObjectMapper json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
