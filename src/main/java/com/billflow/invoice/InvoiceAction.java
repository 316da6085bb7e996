package com.billflow.invoice;

import com.billflow.common.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What may happen to an invoice. The REST path segment and the Tasklist {@code invoiceAction}
 * value is the lower-case name ({@code POST /api/invoices/{id}/release}). {@link #EDIT} stands
 * for any change of lines; {@link #AUTO_BOOK} is the laboratory's automatic booking of a new
 * credit note and is never offered to users.
 */
public enum InvoiceAction {
    EDIT, REPRICE, DRAFT, MERGE, RELEASE, AUTHORISE, UNAUTHORISE, CANCEL, TRANSMIT, BOOK, REJECT, PAY, CREDIT,
    SEND, ACCEPT, AUTO_BOOK;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean requiresReason() {
        return this == CANCEL || this == REJECT;
    }

    /** Actions a user asks for by name; line edits, merging and automatic booking have calls of their own. */
    public boolean isNamedAction() {
        return this != EDIT && this != MERGE && this != AUTO_BOOK;
    }

    public static InvoiceAction fromPath(String path) {
        return Arrays.stream(values()).filter(a -> a.isNamedAction() && a.path().equals(path)).findFirst()
                .orElseThrow(() -> new InvalidInputException("Unknown action '" + path + "'. Actions: "
                        + Arrays.stream(values()).filter(InvoiceAction::isNamedAction).map(InvoiceAction::path).collect(Collectors.joining(", "))));
    }
}
