package com.billflow.directory;

import com.billflow.common.Text;
import com.billflow.money.CurrencyCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of POST and PUT /api/laboratories; on PUT the code comes from the path and may be left out.
 * Numbering patterns and mail templates left out get the defaults of {@link LaboratoryService};
 * {@code taxMappings} left out is empty (every rate then exported with the {@code billflow.export.*} defaults).
 * The seller's facts printed on every document: {@code address}, {@code taxId} (VAT id such as
 * DE123456789, GST number or ABN), {@code bankDetails} (see {@link BankDetails}) and
 * {@code paymentReference} ({@link PaymentReferenceRule}, default INVOICE_NUMBER); {@code phone}, the
 * contact telephone an e-invoice names (required for e-invoices of German sellers).
 */
public record LaboratoryRequest(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "must be 1-32 upper-case letters, digits, '-' or '_'") String code,
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL) String name,
        @NotBlank @CurrencyCode String currency,
        @Pattern(regexp = Text.NO_CONTROL) String invoiceNumberPattern,
        @Pattern(regexp = Text.NO_CONTROL) String creditNoteNumberPattern,
        @Pattern(regexp = Text.NO_CONTROL) String proposalNumberPattern,
        @Email @Size(max = 254) String emailFrom,
        // one line: a line break in a subject would start a new mail header
        @Size(max = 300) @Pattern(regexp = Text.NO_CONTROL, message = "must be one line without control characters") String emailSubjectTemplate,
        @Size(max = 4000) @Pattern(regexp = TEXT_WITH_LINES, message = "must not contain control characters other than line breaks and tabs") String emailBodyTemplate,
        Boolean autoAuthorise,
        Boolean autoTransmit,
        Boolean autoBook,
        Boolean autoBookCreditNotes,
        @Min(0) @Max(365) Integer paymentTermsDays,
        @Size(max = 20) List<@Valid @NotNull TaxMapping> taxMappings,
        @Valid Address address,
        @Size(max = TaxIds.MAX_LENGTH) @Pattern(regexp = TaxIds.FORMAT, message = TaxIds.FORMAT_MESSAGE) String taxId,
        @Valid BankDetails bankDetails,
        PaymentReferenceRule paymentReference,
        @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a telephone number: digits, spaces and + ( ) - / .") String phone) {

    /** A telephone number as people write it, e.g. "+49 221 123456". */
    static final String PHONE = "[+0-9][0-9 ()./-]*";

    /** Without a telephone number (the contact an EN 16931 e-invoice of a German seller names, Peppol rule DE-R-006). */
    public LaboratoryRequest(String code, String name, String currency, String invoiceNumberPattern, String creditNoteNumberPattern,
                             String proposalNumberPattern, String emailFrom, String emailSubjectTemplate, String emailBodyTemplate,
                             Boolean autoAuthorise, Boolean autoTransmit, Boolean autoBook, Boolean autoBookCreditNotes,
                             Integer paymentTermsDays, List<TaxMapping> taxMappings, Address address, String taxId,
                             BankDetails bankDetails, PaymentReferenceRule paymentReference) {
        this(code, name, currency, invoiceNumberPattern, creditNoteNumberPattern, proposalNumberPattern, emailFrom, emailSubjectTemplate,
                emailBodyTemplate, autoAuthorise, autoTransmit, autoBook, autoBookCreditNotes, paymentTermsDays, taxMappings, address, taxId,
                bankDetails, paymentReference, null);
    }

    /** Like {@link Text#NO_CONTROL} but allowing tab, line feed and carriage return; a plain class, so long text cannot overflow the stack. */
    static final String TEXT_WITH_LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
}
