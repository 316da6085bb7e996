package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;
import com.billflow.common.Text;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an invoice mail as the user filled it in and works out its recipients. Address lists are
 * parsed by Jakarta Mail's RFC 5322 parser ({@link InternetAddress#parse(String, boolean)}, strict),
 * so {@code "Doe, Jane" <jane@x.test>, ap@x.test} is two recipients and display names are kept.
 * Outlook's semicolon separator is accepted too.
 */
@Component
class InvoiceRecipients {

    static final int MAX_RECIPIENTS = 20;
    static final int MAX_ADDRESS_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 200;
    static final int MAX_TO_LENGTH = 10_000;
    static final int MAX_SUBJECT_LENGTH = 200;
    static final int MAX_BODY_LENGTH = 10_000;

    /**
     * A mail ready to send.
     *
     * @param to      each recipient in RFC 5322 form ({@code "Doe, Jane" <jane@x.test>}), duplicates removed
     * @param replyTo one address or null
     */
    record Resolved(List<String> to, String replyTo, String subject, String body) {
    }

    /** Checks {@code email}; throws {@link InvalidInputException} (400) naming the first field to fix. */
    Resolved resolve(InvoiceEmail email, List<String> facilityEmails) {
        Map<String, InternetAddress> to = new LinkedHashMap<>();
        if (email.to() != null && !email.to().isBlank()) {
            if (email.to().length() > MAX_TO_LENGTH) {
                throw new InvalidInputException("To is " + email.to().length() + " characters long; at most " + MAX_TO_LENGTH + " are allowed");
            }
            parseList("To", email.to()).forEach(address -> to.putIfAbsent(key(address), address));
        }
        if (email.allContacts()) {
            for (String contact : facilityEmails) {
                parseList("Billing contact", contact).forEach(address -> to.putIfAbsent(key(address), address));
            }
        }
        if (to.isEmpty()) {
            throw new InvalidInputException("Enter at least one recipient (To), or choose All Emails");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("At most " + MAX_RECIPIENTS + " recipients are allowed, " + to.size() + " were given");
        }
        String replyTo = null;
        if (email.replyTo() != null && !email.replyTo().isBlank()) {
            List<InternetAddress> parsed = parseList("Reply-To", email.replyTo());
            if (parsed.size() != 1) {
                throw new InvalidInputException("Reply-To takes one address, " + parsed.size() + " were given");
            }
            replyTo = parsed.get(0).toString();
        }
        String subject = Text.required("Subject", email.subject(), MAX_SUBJECT_LENGTH);
        String body = email.body() == null || email.body().isBlank() ? null : email.body().strip();
        if (body == null) {
            throw new InvalidInputException("Body is required");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new InvalidInputException("Body is " + body.length() + " characters long; at most " + MAX_BODY_LENGTH + " are allowed");
        }
        if (body.indexOf('\0') >= 0) {
            throw new InvalidInputException("Body must not contain NUL characters");
        }
        return new Resolved(to.values().stream().map(InternetAddress::toString).toList(), replyTo, subject, body);
    }

    /** The addresses of an RFC 5322 address list (commas; semicolons outside quotes as Outlook writes them). */
    static List<InternetAddress> parseList(String field, String list) {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parse(list, true);
        } catch (AddressException first) {
            try {
                parsed = InternetAddress.parse(semicolonsToCommas(list), true);
            } catch (AddressException e) {
                throw new InvalidInputException(field + " '" + shorten(list) + "' is not a list of email addresses: "
                        + e.getMessage() + " (separate addresses with commas; quote display names that contain a comma)");
            }
        }
        List<InternetAddress> addresses = new ArrayList<>();
        for (InternetAddress address : parsed) {
            if (address.isGroup()) {
                throw new InvalidInputException(field + ": address groups are not supported ('" + shorten(address.toString()) + "')");
            }
            String addrSpec = address.getAddress();
            int at = addrSpec == null ? -1 : addrSpec.lastIndexOf('@');
            if (at <= 0 || at == addrSpec.length() - 1 || addrSpec.length() > MAX_ADDRESS_LENGTH) {
                throw new InvalidInputException(field + " '" + shorten(address.toString()) + "' is not an email address");
            }
            if (address.getPersonal() != null && address.getPersonal().length() > MAX_DISPLAY_NAME_LENGTH) {
                throw new InvalidInputException(field + ": a display name has at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
            }
            addresses.add(address);
        }
        return addresses;
    }

    private static String key(InternetAddress address) {
        return address.getAddress().toLowerCase(Locale.ROOT);
    }

    private static String semicolonsToCommas(String list) {
        StringBuilder out = new StringBuilder(list.length());
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"' && (i == 0 || list.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            out.append(c == ';' && !quoted ? ',' : c);
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
