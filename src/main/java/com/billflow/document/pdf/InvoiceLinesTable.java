package com.billflow.document.pdf;

import com.billflow.document.pdf.InvoiceDocument.Line;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static com.billflow.document.pdf.PdfStyles.HEADER_FILL;
import static com.billflow.document.pdf.PdfStyles.TABLE_BODY;
import static com.billflow.document.pdf.PdfStyles.TABLE_HEADER;
import static com.billflow.document.pdf.PdfStyles.ZEBRA_FILL;
import static com.billflow.document.pdf.PdfStyles.hasText;
import static com.billflow.document.pdf.PdfStyles.identifierCell;
import static com.billflow.document.pdf.PdfStyles.tableCell;

/**
 * The invoice lines as a table whose header row repeats on every page. Manufacturer and
 * lot/serial columns only appear when some line uses them, so production invoices do not
 * carry two empty columns.
 */
final class InvoiceLinesTable {

    private record Column(String header, float width, int alignment, boolean identifier,
                          Function<Line, String> value) {
    }

    private InvoiceLinesTable() {
    }

    static PdfPTable build(List<Line> lines, String currencyCode) {
        List<Column> columns = columnsFor(lines, currencyCode);
        PdfPTable table = new PdfPTable(columns.size());
        table.setWidthPercentage(100);
        table.setWidths(widths(columns));
        table.setHeaderRows(1);
        // Let a long description split across pages instead of pushing the whole row over.
        table.setSplitLate(false);
        table.setSpacingBefore(14);

        for (Column column : columns) {
            PdfPCell header = tableCell(column.header(), TABLE_HEADER, column.alignment());
            header.setBackgroundColor(HEADER_FILL);
            header.setPaddingTop(5);
            header.setPaddingBottom(6);
            table.addCell(header);
        }
        int rowIndex = 0;
        for (Line line : lines) {
            for (Column column : columns) {
                String value = column.value().apply(line);
                PdfPCell cell = column.identifier()
                        ? identifierCell(value, TABLE_BODY, column.alignment())
                        : tableCell(value, TABLE_BODY, column.alignment());
                if (rowIndex % 2 == 1) {
                    cell.setBackgroundColor(ZEBRA_FILL);
                }
                table.addCell(cell);
            }
            rowIndex++;
        }
        return table;
    }

    private static List<Column> columnsFor(List<Line> lines, String currencyCode) {
        String currencySuffix = currencyCode.isEmpty() ? "" : " (" + currencyCode + ")";
        boolean anyManufacturer = lines.stream().anyMatch(line -> hasText(line.manufacturer()));
        boolean anyPartNumber = lines.stream().anyMatch(line -> hasText(line.partNumber()));
        boolean anyLotSerial = lines.stream().anyMatch(line -> hasText(line.lotSerial()));
        // The description takes over the width of dropped columns: it is the text that wraps.
        float descriptionWidth = 30 + (anyManufacturer ? 0 : 13) + (anyPartNumber ? 0 : 15) + (anyLotSerial ? 0 : 13);

        List<Column> columns = new ArrayList<>();
        if (anyManufacturer) {
            columns.add(new Column("Manufacturer", 13, Element.ALIGN_LEFT, false, Line::manufacturer));
        }
        if (anyPartNumber) {
            columns.add(new Column("Part #", 15, Element.ALIGN_LEFT, true, Line::partNumber));
        }
        if (anyLotSerial) {
            columns.add(new Column("Lot/Serial", 13, Element.ALIGN_LEFT, true, Line::lotSerial));
        }
        columns.add(new Column("Description", descriptionWidth, Element.ALIGN_LEFT, false, Line::description));
        columns.add(new Column("Qty", 5, Element.ALIGN_RIGHT, false,
                line -> PdfStyles.quantity(line.quantity())));
        columns.add(new Column("Unit price" + currencySuffix, 12, Element.ALIGN_RIGHT, false,
                line -> PdfStyles.amount(line.unitPrice())));
        columns.add(new Column("Amount" + currencySuffix, 12, Element.ALIGN_RIGHT, false,
                line -> PdfStyles.amount(line.amount())));
        return columns;
    }

    private static float[] widths(List<Column> columns) {
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).width();
        }
        return widths;
    }
}
