package com.billflow.directory;

import com.billflow.common.Text;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * What one of a laboratory's tax rates is called elsewhere: the tax type Xero books it under, the
 * tax code QuickBooks Online books it under, and its EN 16931 VAT category (UNCL5305: S standard,
 * Z zero rated, E exempt, AE reverse charge, K intra-community, G export, O outside scope, L/M
 * Canary Islands/Ceuta and Melilla). A TAX line of that percent (20 = 20 %) is exported with these.
 *
 * @param xeroTaxType       the tax rate's display name in Xero, e.g. "20% (VAT on Income)"; null: {@code billflow.export.*}
 * @param quickBooksTaxCode the tax code's name in QuickBooks Online, e.g. "20.0% S"; null: {@code billflow.export.*}
 * @param exemptionReason   why no VAT is charged (EN 16931 BT-120), e.g. "Exempt under Art. 132 (1)(b) Directive 2006/112/EC";
 *                          an e-invoice at category E needs it; null otherwise
 */
@Embeddable
public record TaxMapping(
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal rate,
        @Size(max = 100) @Pattern(regexp = Text.NO_CONTROL) String xeroTaxType,
        @Size(max = 100) @Pattern(regexp = Text.NO_CONTROL) String quickBooksTaxCode,
        @NotNull @Pattern(regexp = "S|Z|E|AE|K|G|O|L|M", message = "must be an EN 16931 VAT category: S, Z, E, AE, K, G, O, L or M") String vatCategory,
        @Size(max = 300) @Pattern(regexp = Text.NO_CONTROL) String exemptionReason) {

    /** Without an exemption reason: enough for S, Z, L and M, and for AE, K, G and O, whose VATEX code says why. */
    public TaxMapping(BigDecimal rate, String xeroTaxType, String quickBooksTaxCode, String vatCategory) {
        this(rate, xeroTaxType, quickBooksTaxCode, vatCategory, null);
    }

    /** The rate as given, whatever scale the database keeps it in (20.0000 reads back as 20), so an answer never changes on reading. */
    public TaxMapping {
        if (rate != null) {
            rate = rate.stripTrailingZeros();
            if (rate.scale() < 0) {
                rate = rate.setScale(0);
            }
        }
    }

    /** Only S, L and M carry tax; the other categories are for a 0 % rate (EN 16931 BR-Z-5, BR-E-5, BR-AE-5 and alike). */
    boolean rateFitsCategory() {
        boolean taxed = rate.signum() > 0;
        return switch (vatCategory) {
            case "S", "L", "M" -> taxed;
            default -> !taxed;
        };
    }

    TaxMapping stripped() {
        return new TaxMapping(rate, blankToNull(xeroTaxType), blankToNull(quickBooksTaxCode), vatCategory, blankToNull(exemptionReason));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
