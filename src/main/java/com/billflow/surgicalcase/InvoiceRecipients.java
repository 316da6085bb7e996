package com.billflow.surgicalcase;

import com.billflow.common.InvalidInputException;
import com.billflow.common.Text;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks an invoice mail as the user filled it in and works out its recipients. */
@Component
class InvoiceRecipients {

    static final int MAX_RECIPIENTS = 20;
    static final int MAX_ADDRESS_LENGTH = 254;
    static final int MAX_SUBJECT_LENGTH = 200;
    static final int MAX_BODY_LENGTH = 10_000;

    record Resolved(List<String> to, String replyTo, String subject, String body) {
    }

    Resolved resolve(InvoiceEmail email, List<String> facilityEmails) {
        Set<String> to = new LinkedHashSet<>();
        if (email.to() != null) {
            Arrays.stream(email.to().split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(to::add);
        }
        if (email.allContacts()) {
            to.addAll(facilityEmails);
        }
        if (to.isEmpty()) {
            throw new InvalidInputException("Enter at least one recipient (To), or choose All Emails");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException("At most " + MAX_RECIPIENTS + " recipients are allowed, " + to.size() + " were given");
        }
        to.forEach(address -> requireAddress("To", address));
        String replyTo = Text.optional("Reply-To", email.replyTo(), MAX_ADDRESS_LENGTH);
        if (replyTo != null) {
            requireAddress("Reply-To", replyTo);
        }
        String subject = Text.required("Subject", email.subject(), MAX_SUBJECT_LENGTH);
        String body = email.body() == null || email.body().isBlank() ? null : email.body().strip();
        if (body == null) {
            throw new InvalidInputException("Body is required");
        }
        if (body.length() > MAX_BODY_LENGTH) {
            throw new InvalidInputException("Body is " + body.length() + " characters long; at most " + MAX_BODY_LENGTH + " are allowed");
        }
        return new Resolved(List.copyOf(to), replyTo, subject, body);
    }

    private static void requireAddress(String field, String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (!parsed.getAddress().contains("@") || address.length() > MAX_ADDRESS_LENGTH) {
                throw new AddressException("missing domain");
            }
        } catch (AddressException e) {
            throw new InvalidInputException(field + " '" + address + "' is not an email address");
        }
    }
}
