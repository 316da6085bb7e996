package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TaxMapping;
import com.billflow.document.csv.AccountingInvoice;
import com.billflow.document.csv.AccountingInvoice.Kind;
import com.billflow.document.csv.ExportSettings;
import com.billflow.document.csv.TaxAllocation;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A laboratory invoice or credit note as the accounting packages import it (SPEC §6):
 * <ul>
 *   <li>every sample/test, cost, surcharge, rebate and discount is a row; surcharges, rebates and
 *       discounts have quantity 1 and their amount (negative for rebates and discounts), so the
 *       rows add up to the invoice's subtotal;</li>
 *   <li>TAX lines are no rows: each tax is spread over the rows by {@link TaxAllocation} (the shares
 *       add up to the tax to the cent), and every row names the tax type/code of the rate that applies
 *       (the sum of the TAX lines' percents), from the laboratory's tax mappings, else
 *       {@code billflow.export.tax-mappings}, else {@code billflow.export.sales-tax-type}/{@code tax-code};</li>
 *   <li>a credit note goes through the credit-note import: its amounts turned positive (its discount
 *       rows negative), the credited invoice's number as its reference, and no due date or terms.</li>
 * </ul>
 * So Σ row amounts + Σ row taxes = the document's total (a credit note's, made positive).
 */
@Component
class InvoiceAccounting {

    private final ExportSettings settings;

    InvoiceAccounting(ExportSettings settings) {
        this.settings = settings;
    }

    static Kind kindOf(InvoiceType type) {
        return type == InvoiceType.CREDIT_NOTE ? Kind.CREDIT_NOTE : Kind.INVOICE;
    }

    /** @param creditedInvoiceNumber for a credit note, the number of the invoice it credits */
    AccountingInvoice accounting(Invoice invoice, Client client, Laboratory laboratory, String creditedInvoiceNumber) {
        Currency currency = invoice.currency();
        Kind kind = kindOf(invoice.getType());
        BigDecimal sign = kind == Kind.CREDIT_NOTE ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        List<InvoiceLine> rows = invoice.getLines().stream().filter(l -> l.getKind() != LineKind.TAX).toList();
        List<InvoiceLine> taxes = invoice.getLines().stream().filter(l -> l.getKind() == LineKind.TAX).toList();
        List<BigDecimal> amounts = rows.stream().map(l -> l.amount(currency).amount().multiply(sign)).toList();
        List<BigDecimal> rowTaxes = rowTaxes(taxes, amounts, currency, sign);
        String xeroTaxType = null;
        String quickBooksTaxCode = null;
        if (!taxes.isEmpty()) {
            BigDecimal rate = taxes.stream().map(InvoiceLine::getPercent).reduce(BigDecimal.ZERO, BigDecimal::add);
            xeroTaxType = laboratory.taxMappingFor(rate).map(TaxMapping::xeroTaxType)
                    .or(() -> settings.mappingFor(rate).map(ExportSettings.TaxRate::xeroTaxType))
                    .orElse(settings.salesTaxType());
            quickBooksTaxCode = laboratory.taxMappingFor(rate).map(TaxMapping::quickBooksTaxCode)
                    .or(() -> settings.mappingFor(rate).map(ExportSettings.TaxRate::quickBooksTaxCode))
                    .orElse(settings.taxCode());
        }
        List<AccountingInvoice.Line> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            lines.add(row(rows.get(i), amounts.get(i), sign, currency, taxes.isEmpty() ? null : rowTaxes.get(i),
                    xeroTaxType, quickBooksTaxCode));
        }
        var address = client.getAddress();
        boolean creditNote = kind == Kind.CREDIT_NOTE;
        String reference = creditNote && creditedInvoiceNumber != null ? creditedInvoiceNumber : "Job " + invoice.getJobNumber();
        return new AccountingInvoice(kind, invoice.getNumber(), client.getName(), client.getInvoiceContactEmail(),
                address.streetLines(), address.city(), address.region(), address.postalCode(), address.country(), reference,
                invoice.getInvoiceDate(), creditNote ? null : invoice.getDueDate(),
                creditNote ? null : "Net " + ChronoUnit.DAYS.between(invoice.getInvoiceDate(), invoice.getDueDate()),
                currency.getCurrencyCode(), lines);
    }

    /** Each row's share of all taxes together; zeros when there is no tax. */
    private static List<BigDecimal> rowTaxes(List<InvoiceLine> taxes, List<BigDecimal> amounts, Currency currency, BigDecimal sign) {
        int digits = currency.getDefaultFractionDigits();
        List<BigDecimal> sums = new ArrayList<>(amounts.stream().map(a -> BigDecimal.ZERO.setScale(digits)).toList());
        for (InvoiceLine tax : taxes) {
            List<BigDecimal> shares = TaxAllocation.allocate(tax.amount(currency).amount().multiply(sign), amounts, digits);
            for (int i = 0; i < shares.size(); i++) {
                sums.set(i, sums.get(i).add(shares.get(i)));
            }
        }
        return sums;
    }

    /**
     * Quantity × unit price where that gives the line's amount exactly; otherwise (a percent item, or a
     * fractional quantity whose product needs rounding, which Xero might round differently) quantity 1 at the amount.
     */
    private static AccountingInvoice.Line row(InvoiceLine line, BigDecimal amount, BigDecimal sign, Currency currency,
                                              BigDecimal tax, String xeroTaxType, String quickBooksTaxCode) {
        String code = line.getKind().name();
        String description = InvoiceDocuments.describe(line);
        if (!line.getKind().isPercentBased()) {
            BigDecimal unit = line.getUnitPrice().multiply(sign).setScale(currency.getDefaultFractionDigits());
            if (line.getQuantity().multiply(unit).compareTo(amount) == 0) {
                return new AccountingInvoice.Line(code, description, line.getQuantity().stripTrailingZeros(), unit, amount,
                        tax, xeroTaxType, quickBooksTaxCode);
            }
            description = description + " (" + line.getQuantity().stripTrailingZeros().toPlainString() + " x " + unit.toPlainString() + ")";
        }
        return new AccountingInvoice.Line(code, description, BigDecimal.ONE, amount, amount, tax, xeroTaxType, quickBooksTaxCode);
    }
}
