package com.billflow.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * Tasklist, Cockpit and Admin take the signed-in Billflow user: Camunda's container-based
 * authentication (the filter and provider Camunda documents for single sign-on, and uses itself in its
 * Spring Security OAuth2 starter) reads the request's user principal, which Spring Security sets from
 * the session, and makes it the webapps' authentication with the user's Camunda groups and tenants.
 * Registered right after Spring Security's filter chain, before the webapps' own filters.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappsSignOnConfiguration {

    static final String CONTAINER_AUTHENTICATION_PROVIDER = "org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider";

    @Bean
    FilterRegistrationBean<SignedInUserOnly> camundaWebappsContainerAuthentication(CamundaBpmProperties camunda) {
        String webapps = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<SignedInUserOnly> registration = new FilterRegistrationBean<>(new SignedInUserOnly());
        registration.setName("Container Based Authentication Filter");
        registration.addInitParameter("authentication-provider", CONTAINER_AUTHENTICATION_PROVIDER);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Camunda's filter, except that a request without a signed-in user passes on untouched (Camunda's
     * filter would answer 401): Spring Security has refused such requests already, unless it let them
     * through on purpose, i.e. the webapps' own login and the first administrator's set-up page.
     */
    static class SignedInUserOnly extends ContainerBasedAuthenticationFilter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
            if (((HttpServletRequest) request).getUserPrincipal() == null) {
                chain.doFilter(request, response);
            } else {
                super.doFilter(request, response, chain);
            }
        }
    }
}
