package com.billflow.directory;

import com.billflow.document.einvoice.EInvoiceFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How a client with {@code transmitBy: EINVOICE} receives its invoices: its Peppol participant id (the EAS scheme,
 * four digits such as {@code 9930} German VAT or {@code 0088} GLN, and the id within it), the format it prefers
 * (the one written to the outbox: UBL for a Peppol Access Point, or the Factur-X PDF) and the delivery.
 */
@Embeddable
public record EInvoiceSettings(
        @NotNull @Pattern(regexp = "[0-9]{4}", message = "must be a Peppol EAS code of four digits, e.g. 9930 (German VAT) or 0088 (GLN)")
        @Column(name = "peppol_scheme") String peppolScheme,
        @NotNull @Size(min = 1, max = 130) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9:._-]*", message = "must be letters, digits and : . _ -")
        @Column(name = "peppol_id") String peppolId,
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "einvoice_format") EInvoiceFormat format,
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "einvoice_delivery") EInvoiceDelivery delivery) {
}
