package com.billflow.common;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns every failure of {@code /api/**} into {"error", "message"} with the right 4xx; a 500 only for our own bugs. */
@RestControllerAdvice(basePackages = "com.billflow")
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", e.getMessage());
    }

    @ExceptionHandler(IllegalStatusException.class)
    ResponseEntity<ApiError> illegalStatus(IllegalStatusException e) {
        return error(HttpStatus.CONFLICT, "ILLEGAL_STATUS", e.getMessage());
    }

    @ExceptionHandler(AlreadyExistsException.class)
    ResponseEntity<ApiError> alreadyExists(AlreadyExistsException e) {
        return error(HttpStatus.CONFLICT, "ALREADY_EXISTS", e.getMessage());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    ResponseEntity<ApiError> forbidden(RuntimeException e) {
        String message = e instanceof AuthorizationException
                ? "Your groups do not allow this: the task belongs to other users or groups"
                : "Your groups do not allow this" + (e.getMessage() == null || e.getMessage().equals("Access Denied") ? "" : ": " + e.getMessage());
        return error(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
    ResponseEntity<ApiError> concurrentChange(RuntimeException e) {
        return error(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", "Someone changed this at the same time: reload and try again");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe).sorted().collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", message.isEmpty() ? "The request body is not valid" : message);
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
    ResponseEntity<ApiError> invalidParameter(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "INVALID_INPUT", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", unreadableMessage(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : expected(e.getRequiredType());
        return error(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
                e.getName() + " '" + abbreviate(String.valueOf(e.getValue())) + "' is not valid: expected " + expected);
    }

    /** Spring MVC's own 4xx (unknown path, wrong method, missing parameter, unsupported media type) arrive here too. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> other(Exception e) {
        if (e instanceof ErrorResponse springError && springError.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(springError.getStatusCode().value());
            String detail = springError.getBody().getDetail();
            return error(status, status.name(), detail == null ? e.getMessage() : detail);
        }
        LOG.error("Unexpected failure", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Something went wrong on our side; nothing was changed. The error was logged.");
    }

    private static String describe(FieldError error) {
        Object rejected = error.getRejectedValue();
        String shown = rejected == null ? "" : " (was '" + abbreviate(String.valueOf(rejected)) + "')";
        return error.getField() + ": " + error.getDefaultMessage() + shown;
    }

    private static String unreadableMessage(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'. Known fields: " + unknown.getKnownPropertyIds();
        }
        if (e.getCause() instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return path(format) + ": must be " + StrictJson.TEXT_RULE;
        }
        if (e.getCause() instanceof InvalidFormatException format && format.getTargetType() != null) {
            return path(format) + ": '" + abbreviate(String.valueOf(format.getValue())) + "' is not " + expected(format.getTargetType());
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return path(mismatch) + ": wrong type of value" + (mismatch.getTargetType() == null ? "" : ", expected " + expected(mismatch.getTargetType()));
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return "The body is not valid JSON: " + abbreviate(((com.fasterxml.jackson.core.JsonProcessingException) cause).getOriginalMessage());
        }
        return "The request body is missing or not readable JSON";
    }

    /** What a value of {@code type} looks like in JSON, for the message. */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + enumValues(type) + " (by name)";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO date such as 2026-03-31, " + BusinessDates.RANGE;
            case "BigDecimal" -> "a number such as 125.50";
            case "Long", "long", "Integer", "int" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> "a valid " + type.getSimpleName();
        };
    }

    private static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /** Always JSON, whatever the request's Accept says: a client asking for XML or a PDF still learns what went wrong. */
    private static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(code, message));
    }
}
