package com.billflow.security;

import com.billflow.common.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * Who may call what. {@code /api/**}: HTTP Basic (or the dashboard's session), 401/403 as JSON.
 * {@code /dashboard}, {@code /mailbox} and the API's OpenAPI description ({@code /v3/api-docs},
 * {@code /swagger-ui/index.html}): any signed-in user, by the login form or HTTP Basic.
 * {@code /engine-rest/**}: Camunda's own Basic authentication filter, so the engine's
 * authorizations apply to every call. The Camunda webapps keep their own login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Billflow\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, new ApiError("UNAUTHORIZED",
                    "Sign in with your Billflow (Camunda) user and password, e.g. HTTP Basic"), json);
        };
        AccessDeniedHandler forbidden = (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN,
                new ApiError("FORBIDDEN", "Your groups do not allow this"), json);
        return http.securityMatcher("/api/**")
                // Checked before the body is read, so a caller without the group learns nothing from validation.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/facilities/**", "/api/laboratories/**", "/api/clients/**").hasAuthority(Groups.ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/facilities/**", "/api/laboratories/**", "/api/clients/**").hasAuthority(Groups.ADMIN)
                        .requestMatchers("/api/exports/**", "/api/surgical-cases/*/invoice.csv", "/api/invoices/*.csv").hasAuthority(Groups.ADMIN)
                        .requestMatchers("/api/invoices", "/api/invoices/**").hasAnyAuthority(Groups.OFFICE_MANAGER, Groups.ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                // Basic credentials are not sent by other sites on their own, and the session cookie is SameSite=Lax.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http.securityMatcher("/dashboard/**", "/console/**", "/mailbox/**", "/login", "/logout", "/billflow/**",
                        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/billflow/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/dashboard"))
                .httpBasic(basic -> { })
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // The Console's Event Detail shows the invoice PDF in a frame of its own page.
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain camundaWebappsAndEngineRest(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
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

    private static void write(HttpServletResponse response, int status, ApiError error, ObjectMapper json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
