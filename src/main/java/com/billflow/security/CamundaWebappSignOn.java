package com.billflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The Camunda webapps' own login and logout form (shown after a sign-out or an expired session) sign in
 * and out of the one Billflow session too. Camunda keeps doing the work: its CSRF filter and its login
 * resource check the request and the password; only when Camunda answered 200 does this filter save the
 * same user as the Spring Security session (login) or remove it (logout), so every page is signed out.
 *
 * <p>The other direction, a Billflow sign-in reaching the webapps, is Camunda's container-based
 * authentication ({@link CamundaWebappsSignOnConfiguration}).
 */
class CamundaWebappSignOn extends OncePerRequestFilter {

    /** Camunda's login resource, POST with form fields username and password: /camunda/api/admin/auth/user/{engine}/login/{app}. */
    static final String LOGIN = "/camunda/api/admin/auth/user/*/login/*";
    /** Camunda's logout resource, POST: /camunda/api/admin/auth/user/{engine}/logout. */
    static final String LOGOUT = "/camunda/api/admin/auth/user/*/logout";

    private final RequestMatcher login = new AntPathRequestMatcher(LOGIN, HttpMethod.POST.name());
    private final RequestMatcher logout = new AntPathRequestMatcher(LOGOUT, HttpMethod.POST.name());
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final CamundaIdentityAuthenticationProvider users;

    CamundaWebappSignOn(CamundaIdentityAuthenticationProvider users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (login.matches(request)) {
            ContentCachingRequestWrapper form = new ContentCachingRequestWrapper(request);
            chain.doFilter(form, response);
            String userId = field(form, "username");
            if (response.getStatus() == HttpStatus.OK.value() && userId != null) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(users.signedIn(userId));
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        } else if (logout.matches(request)) {
            chain.doFilter(request, response);
            if (response.getStatus() == HttpStatus.OK.value()) {
                // Signed out of everything; the session (and the webapps' CSRF token in it) stays for their login form.
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                }
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A field of the urlencoded form Camunda read, from the cached body (or the parameters if a filter parsed them). */
    private static String field(ContentCachingRequestWrapper form, String name) {
        String body = new String(form.getContentAsByteArray(), StandardCharsets.UTF_8);
        String value = body.isEmpty() ? null
                : UriComponentsBuilder.newInstance().query(body).build().getQueryParams().getFirst(name);
        if (value == null) {
            return form.getParameter(name);
        }
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
