package com.billflow.common;

import org.camunda.bpm.engine.BadUserRequestException;

/** A value the caller must fix (empty PO, unknown facility, wrong currency): answered with 400. */
public class InvalidInputException extends BadUserRequestException {

    public InvalidInputException(String message) {
        super(message);
    }
}
