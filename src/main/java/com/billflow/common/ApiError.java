package com.billflow.common;

/** The JSON body of every 4xx/5xx answer of {@code /api/**}: a code such as INVALID_INPUT and what to fix. */
public record ApiError(String error, String message) {

    /** Keeps the message writable as JSON: a refused value quoted in it may hold an unpaired surrogate. */
    public static ApiError of(String error, String message) {
        StringBuilder safe = new StringBuilder(message == null ? "" : message);
        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < safe.length() && Character.isLowSurrogate(safe.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\0') {
                safe.setCharAt(i, '\uFFFD');
            }
        }
        return new ApiError(error, safe.toString());
    }
}
