package com.billflow.common;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Keeps Spring's {@link ResourceUrlEncodingFilter} out of the filter chain.
 *
 * <p>Spring Boot turns the resource chain on because {@code webjars-locator-lite} is on the class path, and its
 * Thymeleaf auto-configuration then registers that filter, which passes every link a page writes ({@code th:href},
 * {@code th:action}) through the resource resolvers: a link that is not a static file (every {@code /console/...}
 * link) is looked up in the four static locations of the fat jar, uncached, on each render. A Console list of 50
 * rows writes a few hundred links, which made {@code /console/cases} and {@code /console/invoices} 15-40 times
 * slower than {@code /api/me} while their SQL took under a millisecond (issue 11, scripts/benchmark.sh).
 *
 * <p>Billflow uses no versioned resource URLs (no content or fixed version strategy), so the filter had nothing to
 * rewrite but the web jars' paths (to {@code /webjars/picocss__pico/2.1.1/...}). Without it, pages link web jars by
 * their version-less path ({@code /webjars/picocss__pico/css/pico.min.css}), which the resource chain still
 * resolves when the browser asks for it.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinkConfiguration {

    /**
     * A disabled registration of the filter: Boot's own registration ({@code ThymeleafAutoConfiguration}, a
     * {@code @ConditionalOnMissingBean} of this type) backs off, and the servlet container never runs it.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
