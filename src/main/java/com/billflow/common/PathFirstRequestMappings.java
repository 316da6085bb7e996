package com.billflow.common;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's controller method by its path first. For a path with a variable
 * ({@code /api/surgical-cases/42/paid}) Spring MVC tries every mapping of the application (some 80) and checks each one's
 * method, headers, Content-Type and Accept before its path; each of those asks the request, through the half-dozen
 * wrappers the security filters put around it. A profile of the surgical case lifecycle put that search at 8 % of the
 * app's CPU, as much as reading the case for the answer, and it runs twice per request (once for Spring Security's
 * matchers, once for the dispatch). Here a mapping whose path does not match is passed over before the other checks.
 * <p>
 * The answer is the same mapping as Spring's: a mapping matches only when every condition does, the path included,
 * and the refusals (404, 405, 406, 415) are still worked out by Spring from all mappings.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstRequestMappings implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    /** Spring's handler mapping with the path condition tried before the others. */
    static class Mapping extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
