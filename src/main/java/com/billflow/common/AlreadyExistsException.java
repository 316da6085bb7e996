package com.billflow.common;

import org.camunda.bpm.engine.BadUserRequestException;

/** A create for a code that is taken: answered with 409. */
public class AlreadyExistsException extends BadUserRequestException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
