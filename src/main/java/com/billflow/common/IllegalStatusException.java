package com.billflow.common;

import java.util.Collection;

/**
 * A move the current status does not allow: answered with 409. The message names the current
 * status and what is allowed, so the caller knows what to do instead.
 */
public class IllegalStatusException extends RuntimeException {

    public IllegalStatusException(String message) {
        super(message);
    }

    public static IllegalStatusException of(String what, Object status, String action, Collection<?> allowed) {
        String allowedText = allowed.isEmpty() ? "none (final status)" : String.join(", ", allowed.stream().map(Object::toString).toList());
        return new IllegalStatusException(
                what + " is " + status + ": '" + action + "' is not allowed. Allowed actions: " + allowedText);
    }
}
