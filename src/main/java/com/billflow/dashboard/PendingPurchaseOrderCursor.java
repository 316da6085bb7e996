package com.billflow.dashboard;

import com.billflow.common.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of the "Pending PO#'s" panel starts: the key (event date, case id) of the last item
 * before it ({@code AFTER}, "Next") or of the first item after it ({@code BEFORE}, "Previous"), and
 * the page number it is, for "Page n of m". Clients treat it as opaque text: it is
 * {@code base64url("after:PAGE:DATE:ID")} or {@code "before:..."} without padding.
 *
 * @param page the 0-based number of the page it leads to
 */
record PendingPurchaseOrderCursor(Direction direction, int page, LocalDate eventDate, long caseId) {

    enum Direction { AFTER, BEFORE }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_LENGTH = 200;

    String encode() {
        String text = direction.name().toLowerCase(java.util.Locale.ROOT) + ":" + page + ":" + eventDate + ":" + caseId;
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidInputException (400) for anything this API did not hand out */
    static PendingPurchaseOrderCursor decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length != 4) {
                throw invalid();
            }
            Direction direction = switch (parts[0]) {
                case "after" -> Direction.AFTER;
                case "before" -> Direction.BEFORE;
                default -> throw invalid();
            };
            int page = Integer.parseInt(parts[1]);
            if (page < 0) {
                throw invalid();
            }
            return new PendingPurchaseOrderCursor(direction, page, LocalDate.parse(parts[2]), Long.parseLong(parts[3]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor is not one this API handed out: pass nextCursor or previousCursor"
                + " of an earlier answer as it is, or leave it out for the first page");
    }
}
