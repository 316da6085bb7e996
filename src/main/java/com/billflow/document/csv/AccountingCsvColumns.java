package com.billflow.document.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The header rows of the accounting imports, exactly as Xero and QuickBooks Online expect them
 * (a leading {@code *} marks a column the importer requires). Order matters to both importers.
 */
public final class AccountingCsvColumns {

    /** Xero sales-invoice import. */
    public static final List<String> XERO = List.of(
            "*ContactName", "EmailAddress",
            "POAddressLine1", "POAddressLine2", "POAddressLine3", "POAddressLine4",
            "POCity", "PORegion", "POPostalCode", "POCountry",
            "*InvoiceNumber", "Reference", "*InvoiceDate", "*DueDate",
            "InventoryItemCode", "*Description", "*Quantity", "*UnitAmount", "Discount",
            "*AccountCode", "*TaxType",
            "TrackingName1", "TrackingOption1", "TrackingName2", "TrackingOption2",
            "Currency", "BrandingTheme");

    /** QuickBooks Online invoice import, without tax columns. */
    public static final List<String> QUICKBOOKS = List.of(
            "*InvoiceNo", "*Customer", "*InvoiceDate", "*DueDate", "Terms", "Location", "Memo",
            "Item(Product/Service)", "ItemDescription", "ItemQuantity", "ItemRate", "*ItemAmount",
            "Service Date");

    /** Appended to {@link #QUICKBOOKS} when the export includes taxes. */
    public static final List<String> QUICKBOOKS_TAX = List.of("ItemTaxCode", "ItemTaxAmount");

    private AccountingCsvColumns() {
    }

    /** The header for a format; {@code includeTaxColumns} only changes QuickBooks. */
    public static List<String> headerFor(AccountingFormat format, boolean includeTaxColumns) {
        return switch (format) {
            case XERO -> XERO;
            case QUICKBOOKS -> {
                if (!includeTaxColumns) {
                    yield QUICKBOOKS;
                }
                List<String> header = new ArrayList<>(QUICKBOOKS);
                header.addAll(QUICKBOOKS_TAX);
                yield List.copyOf(header);
            }
        };
    }
}
