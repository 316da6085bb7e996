package com.billflow.document.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/** Names the document and the page at the foot of every page, so a loose page can be placed. */
final class PageFooter extends PdfPageEventHelper {

    private final String documentLabel;

    PageFooter(String documentLabel) {
        this.documentLabel = documentLabel;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        float y = document.bottomMargin() / 2;
        ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT,
                PdfStyles.phrase(documentLabel, PdfStyles.SMALL), document.left(), y, 0);
        ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                PdfStyles.phrase("Page " + writer.getPageNumber(), PdfStyles.SMALL), document.right(), y, 0);
    }
}
