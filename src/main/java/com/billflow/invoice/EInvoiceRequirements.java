package com.billflow.invoice;

import com.billflow.directory.Address;
import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TaxMapping;
import com.billflow.document.einvoice.CountryCodes;
import com.billflow.document.einvoice.PeppolVatSchemes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a laboratory document, its laboratory and its client must carry to be a valid EN 16931 / Peppol BIS 3.0 e-invoice. */
final class EInvoiceRequirements {

    private EInvoiceRequirements() {
    }

    /**
     * What the document lacks for EN 16931 and Peppol BIS 3.0, as "field: why" texts; empty when it can be valid.
     * The seller needs a VAT id (of DE, FR, NL, BE, AT, ES or IT: it gives its Peppol id), a postal address
     * (street, city, postal code, country), bank details, and a telephone when German (Peppol rule DE-R-006); the
     * buyer an address and a Peppol id (its {@code einvoice} settings, or a VAT id as the seller's), and a VAT id
     * for reverse charge (AE) and intra-community supplies (K); the rate must be mapped to a VAT category, with an
     * exemption reason for E; amounts must fit two decimals (BR-DEC rules; a KWD amount of 1.235 cannot).
     */
    static List<String> missingFields(Invoice invoice, Laboratory laboratory, Client client) {
        List<String> missing = new ArrayList<>();
        String sellerVat = laboratory.getTaxId();
        if (sellerVat == null) {
            missing.add("laboratory.taxId: the seller's VAT id is required");
        } else if (PeppolVatSchemes.fromVatId(sellerVat).isEmpty()) {
            missing.add("laboratory.taxId: " + sellerVat + " gives no Peppol id (a VAT id of DE, FR, NL, BE, AT, ES or IT does)");
        }
        Optional<String> sellerCountry = address("laboratory.address", laboratory.getAddress(), missing);
        if (laboratory.getBankDetails().isEmpty()) {
            missing.add("laboratory.bankDetails: the account to pay to is required");
        }
        if (sellerCountry.filter("DE"::equals).isPresent() && laboratory.getPhone() == null) {
            missing.add("laboratory.phone: a German seller's contact telephone is required (Peppol rule DE-R-006)");
        }
        address("client.address", client.getAddress(), missing);
        if (client.getEinvoice() == null && PeppolVatSchemes.fromVatId(client.getTaxId()).isEmpty()) {
            missing.add("client.einvoice.peppolId: the client's Peppol participant id is required (or a taxId of DE, FR, NL, BE, AT, ES or IT)");
        }
        BigDecimal rate = ElectronicInvoices.taxRate(invoice);
        Optional<TaxMapping> mapping = laboratory.taxMappingFor(rate);
        if (mapping.isEmpty()) {
            missing.add("laboratory.taxMappings: no VAT category for rate " + rate.stripTrailingZeros().toPlainString()
                    + " % (map it to S, Z, E, AE, K or G)");
        } else {
            String category = mapping.get().vatCategory();
            if (List.of("O", "L", "M").contains(category)) {
                missing.add("laboratory.taxMappings: VAT category " + category + " is not supported for e-invoices (S, Z, E, AE, K, G are)");
            }
            if ("E".equals(category) && mapping.get().exemptionReason() == null) {
                missing.add("laboratory.taxMappings[rate " + rate.stripTrailingZeros().toPlainString() + "].exemptionReason: category E needs the reason for the exemption");
            }
            if (List.of("AE", "K").contains(category) && client.getTaxId() == null) {
                missing.add("client.taxId: the buyer's VAT id is required for VAT category " + category);
            }
        }
        int digits = Math.min(2, invoice.currency().getDefaultFractionDigits());
        boolean fits = fits(invoice.total().amount(), digits) && fits(invoice.subtotal().amount(), digits) && fits(invoice.taxTotal().amount(), digits)
                && invoice.getLines().stream().allMatch(line -> fits(line.amount(invoice.currency()).amount(), digits));
        if (!fits) {
            missing.add("amounts: EN 16931 amounts have at most two decimals, and an amount of this " + invoice.currency().getCurrencyCode()
                    + " document needs a third");
        }
        return missing;
    }

    private static Optional<String> address(String field, Address address, List<String> missing) {
        if (blank(address.line1())) {
            missing.add(field + ".line1: the street is required");
        }
        if (blank(address.city())) {
            missing.add(field + ".city is required");
        }
        if (blank(address.postalCode())) {
            missing.add(field + ".postalCode is required");
        }
        Optional<String> country = CountryCodes.of(address.country());
        if (country.isEmpty()) {
            missing.add(field + ".country: '" + (address.country() == null ? "" : address.country())
                    + "' is no country (an ISO 3166 code such as DE, or its name)");
        }
        return country;
    }

    private static boolean fits(BigDecimal amount, int digits) {
        return amount.stripTrailingZeros().scale() <= digits;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
