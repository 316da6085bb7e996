package com.billflow.process;

import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Tasklist completes tasks through the engine REST API, which answers 500 for any exception a
 * listener or delegate throws. A refused PO or e-mail address is the user's input, not a server
 * fault: these mappers answer 400 (or 409, 404) with Camunda's error body, whose message
 * Tasklist shows next to the form. Everything else keeps Camunda's own mapping.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

    @Bean
    ResourceConfigCustomizer billflowEngineRestErrors() {
        return config -> config.register(BusinessRuleMapper.class).register(WrappedBusinessRuleMapper.class);
    }

    /** Our exceptions when they leave the engine unwrapped (thrown by a delegate). */
    public static class BusinessRuleMapper implements ExceptionMapper<RuntimeException> {

        @Override
        public Response toResponse(RuntimeException exception) {
            Response known = forCause(exception);
            return known != null ? known : new ExceptionHandler().toResponse(exception);
        }
    }

    /** Our exceptions wrapped by the REST layer ("Cannot submit task form ...") or by a task listener. */
    @Priority(1)
    public static class WrappedBusinessRuleMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            Response known = forCause(exception);
            return known != null ? known : new RestExceptionHandler().toResponse(exception);
        }
    }

    static Response forCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            Response.Status status = cause instanceof InvalidInputException ? Response.Status.BAD_REQUEST
                    : cause instanceof IllegalStatusException ? Response.Status.CONFLICT
                    : cause instanceof NotFoundException ? Response.Status.NOT_FOUND : null;
            if (status != null) {
                return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", cause.getClass().getSimpleName(), "message", cause.getMessage())).build();
            }
        }
        return null;
    }
}
