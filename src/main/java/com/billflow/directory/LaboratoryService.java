package com.billflow.directory;

import com.billflow.money.Currencies;
import com.billflow.common.AlreadyExistsException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.common.Text;
import com.billflow.document.email.MessageTemplate;
import com.billflow.numbering.AccountingNumberLimits;
import com.billflow.numbering.NumberPattern;
import com.billflow.security.LaboratoryTenants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
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
    private final NumberSeriesPatterns numberSeries;
    private final LaboratoryTenants tenants;

    LaboratoryService(LaboratoryRepository laboratories, NumberSeriesPatterns numberSeries, LaboratoryTenants tenants) {
        this.laboratories = laboratories;
        this.numberSeries = numberSeries;
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

    /**
     * Checks everything before changing anything, so a refused request leaves the laboratory as it
     * was. Numbering patterns must fit the accounting targets' number fields and give no number that
     * another series (of this or another laboratory, or of surgical cases) could give: 400 otherwise.
     */
    private void apply(Laboratory laboratory, LaboratoryRequest request) {
        String code = laboratory.getCode();
        Currency currency = currencyOf(request.currency());
        String invoicePattern = numbering("invoiceNumberPattern", request.invoiceNumberPattern(), code + "-INV-{YYYY}-{SEQ:5}");
        String creditNotePattern = numbering("creditNoteNumberPattern", request.creditNoteNumberPattern(), code + "-CN-{YYYY}-{SEQ:5}");
        String proposalPattern = numbering("proposalNumberPattern", request.proposalNumberPattern(), code + "-PR-{YYYY}-{SEQ:5}");
        numberSeries.check(code, NumberSeriesPatterns.of(code, invoicePattern, creditNotePattern, proposalPattern));
        String subject = orDefault(request.emailSubjectTemplate(), DEFAULT_SUBJECT);
        String body = orDefault(request.emailBodyTemplate(), DEFAULT_BODY);
        MessageTemplate.check("emailSubjectTemplate", subject);
        MessageTemplate.check("emailBodyTemplate", body);
        String from = Text.optional("emailFrom", request.emailFrom(), 254);
        List<TaxMapping> taxMappings = taxMappings(request.taxMappings());
        String taxId = TaxIds.normalised("taxId", request.taxId());
        BankDetails bankDetails = BankDetails.checked(request.bankDetails());

        laboratory.update(request.name().strip(), currency,
                request.paymentTermsDays() == null ? DEFAULT_PAYMENT_TERMS_DAYS : request.paymentTermsDays());
        laboratory.numbering(invoicePattern, creditNotePattern, proposalPattern);
        laboratory.email(from, subject, body);
        laboratory.automation(Boolean.TRUE.equals(request.autoAuthorise()), Boolean.TRUE.equals(request.autoTransmit()),
                Boolean.TRUE.equals(request.autoBook()), Boolean.TRUE.equals(request.autoBookCreditNotes()));
        laboratory.taxMappings(taxMappings);
        laboratory.seller(request.address(), taxId, bankDetails, request.paymentReference());
        laboratory.phone(Text.optional("phone", request.phone(), 40));
    }

    /** One mapping per rate, each rate fitting its VAT category; blank tax types and codes mean "use the defaults". */
    private static List<TaxMapping> taxMappings(List<TaxMapping> given) {
        if (given == null) {
            return List.of();
        }
        List<TaxMapping> mappings = new ArrayList<>();
        for (TaxMapping mapping : given) {
            String rate = mapping.rate().stripTrailingZeros().toPlainString();
            if (mappings.stream().anyMatch(m -> m.rate().compareTo(mapping.rate()) == 0)) {
                throw new InvalidInputException("taxMappings: rate " + rate + " is listed twice; each rate has one tax type");
            }
            if (!mapping.rateFitsCategory()) {
                throw new InvalidInputException("taxMappings: rate " + rate + " does not fit VAT category " + mapping.vatCategory()
                        + " (S, L and M take a rate above 0; Z, E, AE, K, G and O take 0)");
            }
            mappings.add(mapping.stripped());
        }
        return mappings;
    }

    private static Currency currencyOf(String code) {
        return Currencies.inCirculation(code).orElseThrow(() ->
                new InvalidInputException("currency '" + code + "' is not an ISO 4217 currency code in circulation"));
    }

    /**
     * A valid pattern whose numbers fit every accounting target ({@link AccountingNumberLimits}). A
     * long code can make the default pattern too long: then the caller must choose one.
     */
    private static String numbering(String field, String given, String fallback) {
        String pattern = orDefault(given, fallback);
        try {
            AccountingNumberLimits.check(new NumberPattern(pattern));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field + ": " + e.getMessage()
                    + (pattern.equals(fallback) ? " (the default for this code): set " + field + " yourself" : ""));
        }
        return pattern;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
