package com.billflow.document.pdf;

import com.billflow.document.pdf.InvoiceDocument.SummaryRow;
import com.billflow.money.Money;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.util.List;

import static com.billflow.document.pdf.PdfStyles.ACCENT;
import static com.billflow.document.pdf.PdfStyles.BODY;
import static com.billflow.document.pdf.PdfStyles.TOTAL;
import static com.billflow.document.pdf.PdfStyles.amount;
import static com.billflow.document.pdf.PdfStyles.tableCell;

/** Subtotal, discounts, surcharges and taxes under the lines, closed by the total and its currency. */
final class InvoiceTotalsTable {

    private InvoiceTotalsTable() {
    }

    static PdfPTable build(List<SummaryRow> summary, Money total, String currencyCode) {
        PdfPTable table = new PdfPTable(new float[] {60, 40});
        table.setWidthPercentage(45);
        table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.setSpacingBefore(6);
        // The total must not land alone on a page away from the rows that explain it.
        table.setKeepTogether(true);
        for (SummaryRow row : summary) {
            table.addCell(tableCell(row.label(), BODY, Element.ALIGN_LEFT));
            table.addCell(tableCell(amount(row.amount()), BODY, Element.ALIGN_RIGHT));
        }
        String label = currencyCode.isEmpty() ? "Total" : "Total " + currencyCode;
        table.addCell(totalCell(label, Element.ALIGN_LEFT));
        table.addCell(totalCell(amount(total), Element.ALIGN_RIGHT));
        return table;
    }

    private static PdfPCell totalCell(String value, int alignment) {
        PdfPCell cell = tableCell(value, TOTAL, alignment);
        cell.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
        cell.setBorderColor(ACCENT);
        cell.setBorderWidthTop(1.2f);
        cell.setBorderWidthBottom(1.2f);
        cell.setPaddingTop(6);
        cell.setPaddingBottom(8);
        return cell;
    }
}
