package com.billflow.document.pdf;

import com.billflow.document.pdf.InvoiceDocument.Party;
import com.billflow.document.pdf.InvoiceDocument.Reference;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import java.util.List;
import java.util.Locale;

import static com.billflow.document.pdf.PdfStyles.BODY;
import static com.billflow.document.pdf.PdfStyles.BODY_BOLD;
import static com.billflow.document.pdf.PdfStyles.LABEL;
import static com.billflow.document.pdf.PdfStyles.PARTY_NAME;
import static com.billflow.document.pdf.PdfStyles.RULE;
import static com.billflow.document.pdf.PdfStyles.TITLE;
import static com.billflow.document.pdf.PdfStyles.cell;
import static com.billflow.document.pdf.PdfStyles.hasText;
import static com.billflow.document.pdf.PdfStyles.paragraph;

/** The top of the first page: seller and document facts, the parties, then the references. */
final class InvoiceHeader {

    private static final int REFERENCES_PER_ROW = 3;

    private InvoiceHeader() {
    }

    /** Seller top left; title, number, issue and due date top right. */
    static PdfPTable sellerAndTitle(InvoiceDocument document) {
        PdfPTable table = new PdfPTable(new float[] {55, 45});
        table.setWidthPercentage(100);
        table.addCell(partyCell(null, document.seller(), PARTY_NAME));

        PdfPCell facts = new PdfPCell();
        facts.setBorder(Rectangle.NO_BORDER);
        facts.setPadding(0);
        Paragraph title = paragraph(document.title(), TITLE);
        title.setAlignment(Element.ALIGN_RIGHT);
        title.setSpacingAfter(6);
        facts.addElement(title);
        PdfPTable factTable = new PdfPTable(new float[] {38, 62});
        factTable.setWidthPercentage(100);
        String number = hasText(document.number()) ? document.number() : PdfStyles.NO_NUMBER;
        addFact(factTable, "Number", number);
        addFact(factTable, "Issue date", PdfStyles.date(document.issueDate()));
        if (document.dueDate() != null) {
            addFact(factTable, "Due date", PdfStyles.date(document.dueDate()));
        }
        facts.addElement(factTable);
        table.addCell(facts);
        return table;
    }

    /** Bill-to on the left where the eye starts, remit-to on the right. */
    static PdfPTable parties(InvoiceDocument document) {
        PdfPTable table = new PdfPTable(new float[] {55, 45});
        table.setWidthPercentage(100);
        table.setSpacingBefore(18);
        PdfPCell billTo = partyCell("Bill to", document.billTo(), BODY_BOLD);
        PdfPCell remitTo = partyCell("Remit to", document.remitTo(), BODY_BOLD);
        for (PdfPCell cell : List.of(billTo, remitTo)) {
            cell.setBorder(Rectangle.TOP);
            cell.setBorderColor(RULE);
            cell.setPaddingTop(8);
            table.addCell(cell);
        }
        return table;
    }

    /** Label/value pairs (POs per manufacturer, surgeon, patient ref) in a grid, label above value. */
    static PdfPTable references(List<Reference> references) {
        PdfPTable table = new PdfPTable(REFERENCES_PER_ROW);
        table.setWidthPercentage(100);
        table.setSpacingBefore(14);
        for (Reference reference : references) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.setPaddingBottom(6);
            cell.setPaddingRight(8);
            cell.addElement(paragraph(reference.label(), LABEL));
            cell.addElement(paragraph(reference.value(), BODY));
            table.addCell(cell);
        }
        // A row is only printed once complete; the filler cells must stay invisible.
        table.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        table.completeRow();
        return table;
    }

    private static void addFact(PdfPTable table, String label, String value) {
        PdfPCell labelCell = cell(label, LABEL, Element.ALIGN_RIGHT);
        labelCell.setPaddingRight(10);
        labelCell.setPaddingTop(2.5f);
        table.addCell(labelCell);
        table.addCell(cell(value, BODY_BOLD, Element.ALIGN_RIGHT));
    }

    private static PdfPCell partyCell(String heading, Party party, Font nameFont) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingRight(12);
        if (heading != null) {
            Paragraph label = paragraph(heading.toUpperCase(Locale.ROOT), LABEL);
            label.setSpacingAfter(2);
            cell.addElement(label);
        }
        if (party == null) {
            return cell;
        }
        cell.addElement(paragraph(party.name(), nameFont));
        addLines(cell, party.addressLines());
        if (hasText(party.taxId())) {
            cell.addElement(paragraph("Tax ID: " + party.taxId(), BODY));
        }
        addLines(cell, party.contactLines());
        return cell;
    }

    private static void addLines(PdfPCell cell, List<String> lines) {
        if (lines == null) {
            return;
        }
        for (String line : lines) {
            if (hasText(line)) {
                cell.addElement(paragraph(line, BODY));
            }
        }
    }
}
