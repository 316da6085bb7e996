package com.billflow.common;

/** The JSON body of every 4xx/5xx answer of {@code /api/**}. */
public record ApiError(String error, String message) {
}
