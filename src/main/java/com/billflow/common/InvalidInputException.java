package com.billflow.common;

/** A value the caller must fix (empty PO, unknown facility, wrong currency): answered with 400. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
