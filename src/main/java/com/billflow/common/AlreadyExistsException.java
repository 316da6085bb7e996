package com.billflow.common;

/** A create for a code that is taken: answered with 409. */
public class AlreadyExistsException extends RuntimeException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
