package com.billflow.document.pdf;

import com.billflow.document.pdf.InvoiceDocument.TaxRow;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.util.List;

import static com.billflow.document.pdf.PdfStyles.HEADER_FILL;
import static com.billflow.document.pdf.PdfStyles.TABLE_BODY;
import static com.billflow.document.pdf.PdfStyles.TABLE_HEADER;
import static com.billflow.document.pdf.PdfStyles.amount;
import static com.billflow.document.pdf.PdfStyles.tableCell;

/**
 * The tax per rate under the total, as EU VAT Directive Art. 226 (8)-(10) asks: for each rate the
 * taxable amount, the rate and the tax payable, with the currency code in the headers.
 */
final class TaxBreakdownTable {

    private TaxBreakdownTable() {
    }

    static PdfPTable build(List<TaxRow> rows, String currencyCode) {
        String suffix = currencyCode.isEmpty() ? "" : " (" + currencyCode + ")";
        PdfPTable table = new PdfPTable(new float[] {34, 16, 25, 25});
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(10);
        table.setKeepTogether(true);
        for (String header : List.of("Tax", "Rate", "Taxable amount" + suffix, "Tax amount" + suffix)) {
            PdfPCell cell = tableCell(header, TABLE_HEADER, header.equals("Tax") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setBackgroundColor(HEADER_FILL);
            table.addCell(cell);
        }
        for (TaxRow row : rows) {
            table.addCell(tableCell(row.label(), TABLE_BODY, Element.ALIGN_LEFT));
            table.addCell(tableCell(row.ratePercent().stripTrailingZeros().toPlainString() + "%", TABLE_BODY, Element.ALIGN_RIGHT));
            table.addCell(tableCell(amount(row.taxableAmount()), TABLE_BODY, Element.ALIGN_RIGHT));
            table.addCell(tableCell(amount(row.taxAmount()), TABLE_BODY, Element.ALIGN_RIGHT));
        }
        return table;
    }
}
