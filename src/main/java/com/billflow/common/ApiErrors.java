package com.billflow.common;

import org.springframework.http.HttpStatus;

/**
 * The {"error", "message"} of a refusal made outside our controllers (Spring MVC's routing,
 * Spring Security's firewall, Tomcat's URI checks): what the status means for the caller.
 */
final class ApiErrors {

    private ApiErrors() {
    }

    static boolean isApi(String requestUri) {
        return requestUri != null && (requestUri.equals("/api") || requestUri.startsWith("/api/"));
    }

    static ApiError forStatus(int statusCode, String method, String path, String allowedMethods) {
        HttpStatus status = HttpStatus.resolve(statusCode);
        String code = status == null ? "HTTP_" + statusCode : status.name();
        String message = switch (statusCode) {
            case 400 -> "The request was refused before it reached the API: check the path (no ';', '%00', encoded '/' or '\\', '..'), the headers and their encoding";
            case 401 -> "Sign in with your Billflow (Camunda) user and password, e.g. HTTP Basic";
            case 403 -> "Your groups do not allow this";
            case 404 -> "There is no " + path + " in the API: check the path (see README and SPEC §3–§5)";
            case 405 -> method + " is not allowed on " + path + (allowedMethods == null || allowedMethods.isBlank() ? "" : "; allowed: " + allowedMethods);
            case 406 -> "The API answers JSON (application/json), CSV or PDF as each endpoint says: accept one of them";
            case 413 -> "The request is too large";
            case 414 -> "The URL is too long";
            case 415 -> "Send the body as application/json";
            default -> statusCode >= 500
                    ? "Something went wrong on our side; nothing was changed. The error was logged."
                    : (status == null ? "The request was refused" : status.getReasonPhrase());
        };
        return ApiError.of(statusCode >= 500 ? "INTERNAL_ERROR" : code, message);
    }
}
