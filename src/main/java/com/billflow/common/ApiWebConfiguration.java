package com.billflow.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * What every /api request passes before a controller: a Content-Type that names one media type
 * (a wildcard such as {@code *}{@code /*} or garbage is 415, not a 500 deep in Spring), an Accept
 * that takes the JSON answer (else 406 before a POST, PUT or DELETE changes anything), dates in query parameters as ISO
 * dates within {@link BusinessDates}, and Tomcat's own refusals as JSON.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    /** Replaces the {@code @DateTimeFormat} conversion for every LocalDate parameter (formatters added last are tried first). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                try {
                    LocalDate date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
                    if (!BusinessDates.contains(date)) {
                        throw new IllegalArgumentException("dates must be " + BusinessDates.RANGE);
                    }
                    return date;
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not an ISO date (yyyy-MM-dd)", e);
                }
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
    }

    /**
     * An Accept the JSON answer cannot satisfy is refused (406) before the call changes anything:
     * Spring would find out only when writing the answer, after the transaction committed.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws HttpMediaTypeNotAcceptableException {
                if (handler instanceof HandlerMethod method && changesState(request) && answersJson(method) && !acceptsJson(request)) {
                    throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    /** A read changes nothing: it runs, and its answer (or its error, always JSON) says the rest. */
    private static boolean changesState(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    }

    private static boolean answersJson(HandlerMethod method) {
        ResolvableType type = ResolvableType.forMethodParameter(method.getReturnType());
        Class<?> raw = type.resolve(Object.class);
        boolean writesItself = raw == void.class || raw == byte[].class
                || ResponseEntity.class.isAssignableFrom(raw) && type.getGeneric(0).resolve(Object.class) == byte[].class;
        return !writesItself;
    }

    private static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiContentType(ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String contentType = request.getContentType();
                if (contentType != null && !isConcrete(contentType)) {
                    response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), ApiError.of("UNSUPPORTED_MEDIA_TYPE",
                            "Content-Type '" + contentType + "' is not one media type: send the body as application/json"));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("billflow-api-content-type");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
