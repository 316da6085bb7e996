package com.billflow.document.csv;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@code billflow.export.*}: how dates, accounts and taxes appear in the accounting CSV files.
 * A laboratory's own tax mappings come first; these are the fallback for every laboratory.
 *
 * @param dateFormat    a {@link java.time.format.DateTimeFormatter} pattern for every date column
 * @param accountCode   the sales account code Xero books each row to
 * @param taxType       Xero's tax type for rows without tax (surgical cases, invoices without a TAX line)
 * @param taxCode       QuickBooks' ItemTaxCode for taxed rows whose rate no mapping names
 * @param exemptTaxCode QuickBooks' ItemTaxCode for rows without tax, when the file has tax columns
 * @param salesTaxType  Xero's tax type for taxed rows whose rate no mapping names
 * @param taxMappings   tax type and code per rate, for every laboratory (a laboratory's own mapping wins)
 */
@ConfigurationProperties("billflow.export")
public record ExportSettings(
        @DefaultValue("yyyy-MM-dd") String dateFormat,
        @DefaultValue("200") String accountCode,
        @DefaultValue("Tax Exempt") String taxType,
        @DefaultValue("TAX") String taxCode,
        @DefaultValue("NON") String exemptTaxCode,
        @DefaultValue("Tax on Sales") String salesTaxType,
        @DefaultValue List<TaxRate> taxMappings) {

    /** A tax rate in percent (20 = 20 %) and what each target calls it. */
    public record TaxRate(BigDecimal rate, String xeroTaxType, String quickBooksTaxCode) {
    }

    /** The global mapping for {@code rate}, compared by value (20 = 20.00). */
    public Optional<TaxRate> mappingFor(BigDecimal rate) {
        return taxMappings.stream().filter(m -> m.rate() != null && m.rate().compareTo(rate) == 0).findFirst();
    }
}
