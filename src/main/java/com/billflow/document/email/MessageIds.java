package com.billflow.document.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Message-IDs derived from a mail's idempotency key (RFC 5322 §3.6.4: {@code <left@right>}), so
 * every attempt to send one mail carries the same id and receiving systems can discard a copy.
 */
public final class MessageIds {

    private MessageIds() {
    }

    /**
     * {@code <billflow.(first 32 hex digits of SHA-256 of the key)@(domain of from)>}; the domain is
     * {@code billflow.invalid} when {@code from} has none.
     *
     * @param idempotencyKey e.g. "surgical-case-invoice:42"
     * @param from           the sender address, e.g. "billing@billflow.example"
     */
    public static String of(String idempotencyKey, String from) {
        String domain = from == null || from.lastIndexOf('@') < 0 ? "billflow.invalid"
                : from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<billflow." + HexFormat.of().formatHex(sha256(idempotencyKey)).substring(0, 32) + "@"
                + (domain.isEmpty() ? "billflow.invalid" : domain) + ">";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
