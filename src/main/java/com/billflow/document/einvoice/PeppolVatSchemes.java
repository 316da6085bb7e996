package com.billflow.document.einvoice;

import com.billflow.document.einvoice.ElectronicInvoice.ParticipantId;

import java.util.Map;
import java.util.Optional;

/**
 * A party's Peppol participant id made from its VAT id, for the countries whose VAT numbers are a Peppol
 * Electronic Address Scheme (EAS code list): DE 9930, FR 9957, NL 9944, BE 9925, AT 9914, ES 9920, IT 0211.
 */
public final class PeppolVatSchemes {

    private static final Map<String, String> EAS_BY_VAT_PREFIX = Map.of(
            "DE", "9930", "FR", "9957", "NL", "9944", "BE", "9925", "AT", "9914", "ES", "9920", "IT", "0211");

    private PeppolVatSchemes() {
    }

    /** {@code DE123456789} → 9930:DE123456789; empty when the VAT id is null or of another country. */
    public static Optional<ParticipantId> fromVatId(String vatId) {
        if (vatId == null || vatId.length() < 3) {
            return Optional.empty();
        }
        return Optional.ofNullable(EAS_BY_VAT_PREFIX.get(vatId.substring(0, 2))).map(scheme -> new ParticipantId(scheme, vatId));
    }
}
