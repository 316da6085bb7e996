package com.billflow.document.einvoice;

import java.util.Locale;
import java.util.Optional;

/** The two EN 16931 documents Billflow makes: Peppol BIS Billing 3.0 UBL, and the Factur-X PDF with its CII XML. */
public enum EInvoiceFormat {
    /** Peppol BIS Billing 3.0, UBL 2.1 {@code Invoice} or {@code CreditNote}: {@code application/xml}, {@code <number>.xml}. */
    UBL("application/xml", ".xml"),
    /** Factur-X 1.0 / ZUGFeRD 2, profile EN 16931: a PDF/A-3 with {@code factur-x.xml} inside, {@code <number>.pdf}. */
    FACTURX("application/pdf", ".pdf");

    private final String mediaType;
    private final String extension;

    EInvoiceFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name of the document numbered {@code number}: {@code ALPHA-INV-2026-00001.xml} (UBL), {@code ….pdf} (Factur-X). */
    public String fileName(String number) {
        return number + extension;
    }

    /** The format named by a query parameter ({@code ubl}, {@code facturx}; any case), or empty for anything else. */
    public static Optional<EInvoiceFormat> parse(String given) {
        if (given == null) {
            return Optional.empty();
        }
        return switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "ubl" -> Optional.of(UBL);
            case "facturx", "factur-x" -> Optional.of(FACTURX);
            default -> Optional.empty();
        };
    }
}
