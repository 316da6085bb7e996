package com.billflow.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spring Boot's /error, except for requests under /api: there every error that did not pass
 * through {@link ApiExceptionHandler} (unknown path 404, wrong method 405, a request Spring
 * Security's firewall rejected, a failure in a filter) is {"error", "message"} as JSON,
 * whatever the Accept header asks for. Pages and the Camunda webapps keep Boot's error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorController extends BasicErrorController {

    private final ObjectMapper json;

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers,
                       ObjectMapper json) {
        super(errorAttributes, server.getError(), resolvers.orderedStream().toList());
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!ApiErrors.isApi(originalUri(request))) {
            return super.errorHtml(request, response);
        }
        ApiError error = apiError(request, response);
        response.setStatus(statusOf(request));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try {
            json.writeValue(response.getOutputStream(), error);
        } catch (IOException clientGone) {
            // nothing left to tell the caller
        }
        return null;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!ApiErrors.isApi(originalUri(request))) {
            return super.error(request);
        }
        HttpServletResponse response = RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getResponse() : null;
        ApiError error = apiError(request, response);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put("message", error.message());
        return ResponseEntity.status(statusOf(request)).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ApiError apiError(HttpServletRequest request, HttpServletResponse response) {
        String allowed = response == null ? null : response.getHeader(HttpHeaders.ALLOW);
        return ApiErrors.forStatus(statusOf(request), request.getMethod(), originalUri(request), allowed);
    }

    private static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return status instanceof Integer code ? code : HttpStatus.INTERNAL_SERVER_ERROR.value();
    }

    private static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? null : uri.toString().substring(request.getContextPath().length());
    }
}
