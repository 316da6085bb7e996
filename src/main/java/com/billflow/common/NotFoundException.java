package com.billflow.common;

import org.camunda.bpm.engine.BadUserRequestException;

/** An id or code that names nothing: answered with 404. */
public class NotFoundException extends BadUserRequestException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " '" + id + "' does not exist");
    }
}
