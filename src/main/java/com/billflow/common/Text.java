package com.billflow.common;

/** Checks for free text typed by users: trimmed, bounded, no control characters. */
public final class Text {

    /** Bean Validation pattern for one-line text: no control characters (tabs, line breaks). */
    public static final String NO_CONTROL = "[^\\p{Cntrl}]*";

    private Text() {
    }

    /** Trims {@code value} and refuses blank, over-long or control-character input, naming the field. */
    public static String required(String field, String value, int maxLength) {
        String trimmed = optional(field, value, maxLength);
        if (trimmed == null) {
            throw new InvalidInputException(field + " is required");
        }
        return trimmed;
    }

    /** As {@link #required} but blank gives null. */
    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field + " is " + trimmed.length() + " characters long; at most " + maxLength + " are allowed");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field + " must not contain control characters (tabs, line breaks)");
        }
        return trimmed;
    }
}
