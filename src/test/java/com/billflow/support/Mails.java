package com.billflow.support;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads what GreenMail received: the text of a mail's PDF attachment, read back with PDFBox. */
public final class Mails {

    private Mails() {
    }

    public static String pdfText(MimeMessage mail) throws Exception {
        Multipart multipart = (Multipart) mail.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if ("application/pdf".equals(multipart.getBodyPart(i).getContentType().split(";")[0].trim())) {
                try (PDDocument pdf = Loader.loadPDF(multipart.getBodyPart(i).getInputStream().readAllBytes())) {
                    return new PDFTextStripper().getText(pdf);
                }
            }
        }
        throw new AssertionError("The mail has no PDF attachment");
    }
}
