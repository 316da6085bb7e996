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

import java.util.Arrays;
import java.util.LinkedHashMap;
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

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        MethodParameter[] parameters = handler.getMethodParameters();
        boolean body = has(parameters, RequestBody.class);
        if (body || has(parameters, RequestParam.class) || Arrays.stream(parameters).anyMatch(ErrorResponses::isNumericPathVariable)) {
            errors.put("400", "INVALID_INPUT or MALFORMED_REQUEST: a value is missing, malformed, too long or out of range,"
                    + " an unknown field was sent, or a code it names does not exist. The message names the field.");
        }
        errors.put("401", "UNAUTHORIZED: no or wrong HTTP Basic credentials.");
        if (GroupAccess.preAuthorize(handler) != null) {
            errors.put("403", "FORBIDDEN: the user's groups do not allow this call (see the groups above).");
        }
        if (has(parameters, PathVariable.class)) {
            errors.put("404", "NOT_FOUND: nothing with the id or code given in the path.");
        }
        if (writes(handler)) {
            errors.put("409", "ILLEGAL_STATUS: the current status does not allow this (the message names it); ALREADY_EXISTS;"
                    + " or CONCURRENT_CHANGE: someone changed it at the same time, reload and retry.");
        }
        if (body) {
            errors.put("415", "UNSUPPORTED_MEDIA_TYPE: the body must be application/json.");
        }
        errors.forEach((code, description) -> operation.getResponses().putIfAbsent(code, new ApiResponse().description(description)));
        operation.getResponses().forEach((code, response) -> {
            if (code.startsWith("4")) {
                response.setContent(errorBody());
            }
        });
        return operation;
    }

    private static Content errorBody() {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(OpenApiConfiguration.ERROR_SCHEMA)));
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
