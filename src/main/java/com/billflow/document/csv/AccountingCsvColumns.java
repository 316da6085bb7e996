package com.billflow.document.csv;

import com.billflow.document.csv.AccountingInvoice.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * The header rows of the accounting imports, exactly as Xero and QuickBooks Online expect them
 * (a leading {@code *} marks a column the importer requires). Order matters to both importers.
 */
public final class AccountingCsvColumns {

    /** Xero's sales-invoice template (SalesInvoiceTemplate.csv), with its optional Total and TaxAmount columns. */
    public static final List<String> XERO = List.of(
            "*ContactName", "EmailAddress",
            "POAddressLine1", "POAddressLine2", "POAddressLine3", "POAddressLine4",
            "POCity", "PORegion", "POPostalCode", "POCountry",
            "*InvoiceNumber", "Reference", "*InvoiceDate", "*DueDate", "Total",
            "InventoryItemCode", "*Description", "*Quantity", "*UnitAmount", "Discount",
            "*AccountCode", "*TaxType", "TaxAmount",
            "TrackingName1", "TrackingOption1", "TrackingName2", "TrackingOption2",
            "Currency", "BrandingTheme");

    /** Xero's credit-note template: the invoice template with a credit-note number and date, and no due date. */
    public static final List<String> XERO_CREDIT_NOTE = List.of(
            "*ContactName", "EmailAddress",
            "POAddressLine1", "POAddressLine2", "POAddressLine3", "POAddressLine4",
            "POCity", "PORegion", "POPostalCode", "POCountry",
            "*CreditNoteNumber", "Reference", "*CreditNoteDate", "Total",
            "InventoryItemCode", "*Description", "*Quantity", "*UnitAmount", "Discount",
            "*AccountCode", "*TaxType", "TaxAmount",
            "TrackingName1", "TrackingOption1", "TrackingName2", "TrackingOption2",
            "Currency", "BrandingTheme");

    /** QuickBooks Online invoice import, without tax columns. */
    public static final List<String> QUICKBOOKS = List.of(
            "*InvoiceNo", "*Customer", "*InvoiceDate", "*DueDate", "Terms", "Location", "Memo",
            "Item(Product/Service)", "ItemDescription", "ItemQuantity", "ItemRate", "*ItemAmount",
            "Service Date");

    /** QuickBooks Online credit-note (credit memo) import: no terms and no due date; Memo names the credited invoice. */
    public static final List<String> QUICKBOOKS_CREDIT_NOTE = List.of(
            "*CreditNoteNo", "*Customer", "*CreditNoteDate", "Location", "Memo",
            "Item(Product/Service)", "ItemDescription", "ItemQuantity", "ItemRate", "*ItemAmount",
            "Service Date");

    /** Appended to the QuickBooks headers when the export includes taxes. */
    public static final List<String> QUICKBOOKS_TAX = List.of("ItemTaxCode", "ItemTaxAmount");

    private AccountingCsvColumns() {
    }

    /** The header for a format and document kind; {@code includeTaxColumns} only changes QuickBooks. */
    public static List<String> headerFor(AccountingFormat format, Kind kind, boolean includeTaxColumns) {
        return switch (format) {
            case XERO -> kind == Kind.INVOICE ? XERO : XERO_CREDIT_NOTE;
            case QUICKBOOKS -> {
                List<String> base = kind == Kind.INVOICE ? QUICKBOOKS : QUICKBOOKS_CREDIT_NOTE;
                if (!includeTaxColumns) {
                    yield base;
                }
                List<String> header = new ArrayList<>(base);
                header.addAll(QUICKBOOKS_TAX);
                yield List.copyOf(header);
            }
        };
    }
}
