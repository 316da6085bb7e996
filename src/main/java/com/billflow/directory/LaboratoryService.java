package com.billflow.directory;

import com.billflow.common.AlreadyExistsException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.common.Text;
import com.billflow.document.email.MessageTemplate;
import com.billflow.numbering.NumberPattern;
import com.billflow.security.LaboratoryTenants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Currency;
import java.util.List;

@Service
public class LaboratoryService {

    static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;
    static final String DEFAULT_SUBJECT = "{documentType} {invoiceNumber} from {laboratoryName}";
    static final String DEFAULT_BODY = """
            Dear {clientName},

            Please find attached {documentType} {invoiceNumber} for job {jobNumber}, \
            for a total of {total}, due on {dueDate}.

            Thank you for your business.
            {laboratoryName}""";

    private final LaboratoryRepository laboratories;
    private final LaboratoryTenants tenants;

    LaboratoryService(LaboratoryRepository laboratories, LaboratoryTenants tenants) {
        this.laboratories = laboratories;
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public Laboratory get(String code) {
        return laboratories.findById(code).orElseThrow(() -> NotFoundException.of("Laboratory", code));
    }

    /** As {@link #get} for a code that arrives inside a request body: unknown is the caller's input error. */
    @Transactional(readOnly = true)
    public Laboratory getReferenced(String code) {
        return laboratories.findById(code).orElseThrow(() ->
                new InvalidInputException("laboratoryCode '" + code + "' is not a known laboratory"));
    }

    @Transactional(readOnly = true)
    public List<Laboratory> all() {
        return laboratories.findAllByOrderByCode();
    }

    @Transactional
    public Laboratory create(LaboratoryRequest request) {
        if (request.code() == null) {
            throw new InvalidInputException("code is required");
        }
        if (laboratories.existsById(request.code())) {
            throw new AlreadyExistsException("Laboratory '" + request.code() + "' already exists: use PUT /api/laboratories/" + request.code() + " to change it");
        }
        Laboratory laboratory = new Laboratory(request.code());
        apply(laboratory, request);
        tenants.ensure(laboratory.getCode(), laboratory.getName());
        return laboratories.save(laboratory);
    }

    @Transactional
    public Laboratory update(String code, LaboratoryRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidInputException("code '" + request.code() + "' in the body differs from '" + code + "' in the path: a laboratory's code cannot change");
        }
        Laboratory laboratory = get(code);
        apply(laboratory, request);
        tenants.ensure(laboratory.getCode(), laboratory.getName());
        return laboratory;
    }

    /** Checks everything before changing anything, so a refused request leaves the laboratory as it was. */
    private static void apply(Laboratory laboratory, LaboratoryRequest request) {
        String code = laboratory.getCode();
        Currency currency = currencyOf(request.currency());
        String invoicePattern = numbering("invoiceNumberPattern", request.invoiceNumberPattern(), code + "-INV-{YYYY}-{SEQ:5}");
        String creditNotePattern = numbering("creditNoteNumberPattern", request.creditNoteNumberPattern(), code + "-CN-{YYYY}-{SEQ:5}");
        String proposalPattern = numbering("proposalNumberPattern", request.proposalNumberPattern(), code + "-PR-{YYYY}-{SEQ:5}");
        requireDistinct(invoicePattern, creditNotePattern, proposalPattern);
        String subject = orDefault(request.emailSubjectTemplate(), DEFAULT_SUBJECT);
        String body = orDefault(request.emailBodyTemplate(), DEFAULT_BODY);
        MessageTemplate.check("emailSubjectTemplate", subject);
        MessageTemplate.check("emailBodyTemplate", body);
        String from = Text.optional("emailFrom", request.emailFrom(), 254);

        laboratory.update(request.name().strip(), currency,
                request.paymentTermsDays() == null ? DEFAULT_PAYMENT_TERMS_DAYS : request.paymentTermsDays());
        laboratory.numbering(invoicePattern, creditNotePattern, proposalPattern);
        laboratory.email(from, subject, body);
        laboratory.automation(Boolean.TRUE.equals(request.autoAuthorise()), Boolean.TRUE.equals(request.autoTransmit()),
                Boolean.TRUE.equals(request.autoBook()), Boolean.TRUE.equals(request.autoBookCreditNotes()));
    }

    private static Currency currencyOf(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency '" + code + "' is not an ISO 4217 currency code");
        }
    }

    /** A long code can make the default pattern too long for the 40-character column: then the caller must choose one. */
    private static String numbering(String field, String given, String fallback) {
        String pattern = orDefault(given, fallback);
        try {
            new NumberPattern(pattern);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field + ": " + e.getMessage()
                    + (pattern.equals(fallback) ? " (the default for this code): set " + field + " yourself" : ""));
        }
        return pattern;
    }

    /** Two kinds of document counted under one pattern would get the same numbers. */
    private static void requireDistinct(String invoicePattern, String creditNotePattern, String proposalPattern) {
        if (creditNotePattern.equals(invoicePattern)) {
            throw new InvalidInputException("creditNoteNumberPattern must differ from invoiceNumberPattern ('" + invoicePattern + "'), or credit notes would repeat invoice numbers");
        }
        if (proposalPattern.equals(invoicePattern) || proposalPattern.equals(creditNotePattern)) {
            throw new InvalidInputException("proposalNumberPattern '" + proposalPattern + "' must differ from the invoice and credit note patterns, or proposals would repeat their numbers");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
