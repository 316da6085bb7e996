package com.billflow.process;

import com.billflow.common.AlreadyExistsException;
import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Map;

/**
 * Tasklist completes tasks through Camunda's engine API (the webapp's own under /camunda/api/engine,
 * integrations under /engine-rest), which answers 500 for any exception a listener or delegate
 * throws, naming it in the body's "type". A refused PO or e-mail address is the user's input, not
 * a server fault: this filter gives such answers their proper status, 400 or 409, and writes one
 * INFO line per refusal ({@link RefusedInputLogFilter} drops Camunda's ERROR and WARN entries for
 * it, stack traces included: the user's input is no fault). The body, and the message
 * Tasklist shows next to the form, stays as Camunda wrote it. Both APIs are Jersey applications
 * Camunda registers itself, so a filter is the one place that sees both.
 * <p>
 * The engine's tenant check refuses work on another laboratory's task or instance with a plain
 * engine exception (500 again): that is 404, with a body that does not confirm the id exists,
 * just as reading it answers (the tenant check hides it from queries).
 */
@Component
class EngineApiInputErrors extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(EngineApiInputErrors.class);

    private static final Map<String, Integer> STATUS_BY_TYPE = Map.of(
            InvalidInputException.class.getSimpleName(), HttpServletResponse.SC_BAD_REQUEST,
            IllegalStatusException.class.getSimpleName(), HttpServletResponse.SC_CONFLICT,
            AlreadyExistsException.class.getSimpleName(), HttpServletResponse.SC_CONFLICT);

    /** The end of the engine's message when its tenant check refuses a command (TenantCommandChecker). */
    private static final String OTHER_TENANT = "because it belongs to no authenticated tenant";

    private final ObjectMapper json;

    EngineApiInputErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean engineApi = path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/");
        return !engineApi || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        int engineStatus = wrapper.getStatus();
        if (engineStatus == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            JsonNode error = errorOf(wrapper.getContentAsByteArray());
            Integer status = STATUS_BY_TYPE.get(error.path("type").asText());
            if (status != null) {
                wrapper.setStatus(status);
                LOG.info("Refused {} {} ({}): {}", request.getMethod(), request.getRequestURI(), status,
                        error.path("message").asText().replaceAll("\\s+", " "));
            } else if (error.path("message").asText().contains(OTHER_TENANT)) {
                wrapper.resetBuffer();
                wrapper.setStatus(HttpServletResponse.SC_NOT_FOUND);
                json.writeValue(wrapper.getOutputStream(), Map.of("type", "InvalidRequestException",
                        "message", "Nothing with this id among the data of your laboratories (tenants)"));
            }
        }
        wrapper.copyBodyToResponse();
    }

    private JsonNode errorOf(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            return error == null ? json.createObjectNode() : error;
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }
}
