package com.billflow.common;

/** Text typed by users, made safe to put into the Markdown that Tasklist forms render. */
public final class Markdown {

    private Markdown() {
    }

    /** Keeps user text from being read as Markdown or HTML. */
    public static String escape(String value) {
        return value == null ? "" : value.replaceAll("([\\\\`*_{}\\[\\]()#+!|<>-])", "\\\\$1");
    }
}
