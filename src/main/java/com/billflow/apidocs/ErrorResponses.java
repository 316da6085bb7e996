package com.billflow.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Adds to every operation the error answers it can give, each with the {@code ApiError} body, by
 * what the handler method takes (the rules of {@code ApiExceptionHandler} and the security chain):
 * 400 when it reads a body, a query parameter or a numeric path variable; 401 always; 403 when
 * {@code @PreAuthorize} restricts it; 404 when it names something in the path; 409 when it writes;
 * 415 when it reads a JSON body. An {@code @ApiResponse} on the method (say, the 409 of a GET that
 * needs an issued invoice) keeps its description; every 4xx gets the error body.
 */
@Component
class ErrorResponses implements GlobalOperationCustomizer {

    /** What each status means here, with a typical body. */
    private record Error(String description, String code, String message) {
    }

    private static final Map<String, Error> ERRORS = Map.of(
            "400", new Error("INVALID_INPUT or MALFORMED_REQUEST: a value is missing, malformed, too long or out of range, an unknown"
                    + " field was sent, or a code it names does not exist. The message names the field.",
                    "INVALID_INPUT", "lines[0].quantity: must be greater than 0 (was '-1')"),
            "401", new Error("UNAUTHORIZED: no or wrong HTTP Basic credentials.",
                    "UNAUTHORIZED", "Sign in with your Billflow (Camunda) user and password, e.g. HTTP Basic"),
            "403", new Error("FORBIDDEN: the user's groups do not allow this call (see the groups above).",
                    "FORBIDDEN", "Your groups do not allow this"),
            "404", new Error("NOT_FOUND: nothing with the id or code given in the path.",
                    "NOT_FOUND", "Invoice '42' does not exist"),
            "409", new Error("ILLEGAL_STATUS: the current status does not allow this (the message names it and what is allowed);"
                    + " ALREADY_EXISTS; or CONCURRENT_CHANGE: someone changed it at the same time, reload and retry.",
                    "ILLEGAL_STATUS", "Invoice ALPHA-INV-2026-00007 is BOOKED: 'cancel' is not allowed. Allowed actions: pay, credit"),
            "415", new Error("UNSUPPORTED_MEDIA_TYPE: the body must be application/json.",
                    "UNSUPPORTED_MEDIA_TYPE", "Content-Type 'text/plain;charset=UTF-8' is not supported."));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        List<String> statuses = new ArrayList<>();
        MethodParameter[] parameters = handler.getMethodParameters();
        boolean body = has(parameters, RequestBody.class);
        if (body || has(parameters, RequestParam.class) || Arrays.stream(parameters).anyMatch(ErrorResponses::isNumericPathVariable)) {
            statuses.add("400");
        }
        statuses.add("401");
        if (GroupAccess.preAuthorize(handler) != null) {
            statuses.add("403");
        }
        if (has(parameters, PathVariable.class)) {
            statuses.add("404");
        }
        if (writes(handler)) {
            statuses.add("409");
        }
        if (body) {
            statuses.add("415");
        }
        statuses.forEach(status -> operation.getResponses().putIfAbsent(status, new ApiResponse().description(ERRORS.get(status).description())));
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4")) {
                response.setContent(errorBody(ERRORS.get(status)));
            }
        });
        return operation;
    }

    private static Content errorBody(Error example) {
        MediaType json = new MediaType().schema(new Schema<>().$ref(OpenApiConfiguration.ERROR_SCHEMA));
        if (example != null) {
            json.setExample(Map.of("error", example.code(), "message", example.message()));
        }
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json);
    }

    private static boolean has(MethodParameter[] parameters, Class<? extends java.lang.annotation.Annotation> annotation) {
        return Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }

    private static boolean isNumericPathVariable(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(PathVariable.class) && Number.class.isAssignableFrom(parameter.getParameterType());
    }

    private static boolean writes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method())
                .anyMatch(m -> m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.DELETE || m == RequestMethod.PATCH);
    }
}
