package com.billflow.directory;

import com.billflow.common.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of POST and PUT /api/clients; on PUT the code comes from the path and may be left out.
 * {@code taxId}: the client's VAT identification number (e.g. DE811128135), GST number or ABN, printed under "Bill to".
 * {@code einvoice}: required with {@code transmitBy: EINVOICE}, refused otherwise ({@link EInvoiceSettings}).
 */
public record ClientRequest(
        @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "must be 1-32 upper-case letters, digits, '-' or '_'") String code,
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.NO_CONTROL) String name,
        @Valid Address address,
        @Email @Size(max = 254) String invoiceContactEmail,
        @NotNull(message = "is required: EMAIL, MAIL, FAX or EINVOICE") TransmitBy transmitBy,
        @Size(max = TaxIds.MAX_LENGTH) @Pattern(regexp = TaxIds.FORMAT, message = TaxIds.FORMAT_MESSAGE) String taxId,
        @Valid EInvoiceSettings einvoice) {

    /** A client that is not on the e-invoice channel. */
    public ClientRequest(String code, String name, Address address, String invoiceContactEmail, TransmitBy transmitBy, String taxId) {
        this(code, name, address, invoiceContactEmail, transmitBy, taxId, null);
    }
}
