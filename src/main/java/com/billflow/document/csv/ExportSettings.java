package com.billflow.document.csv;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code billflow.export.*}: how dates and accounts appear in the accounting CSV files.
 *
 * @param dateFormat  a {@link java.time.format.DateTimeFormatter} pattern for every date column
 * @param accountCode the sales account code Xero books each line to
 * @param taxType     Xero's tax type for each line (e.g. "Tax Exempt", "20% (VAT on Income)")
 * @param taxCode     QuickBooks' ItemTaxCode when taxes are present
 */
@ConfigurationProperties("billflow.export")
public record ExportSettings(
        @DefaultValue("yyyy-MM-dd") String dateFormat,
        @DefaultValue("200") String accountCode,
        @DefaultValue("Tax Exempt") String taxType,
        @DefaultValue("TAX") String taxCode) {
}
