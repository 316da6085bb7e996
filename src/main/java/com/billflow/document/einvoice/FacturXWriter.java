package com.billflow.document.einvoice;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes a Factur-X 1.0 / ZUGFeRD 2 invoice (profile EN 16931): the invoice's own PDF, turned into PDF/A-3b by
 * Mustang, with the CII XML embedded as {@code factur-x.xml} (AFRelationship Alternative) and the Factur-X XMP
 * extension schema. Billflow's PDFs embed every font (OpenPDF), so what PDF/A-3 still needs is an output intent,
 * added here with the sRGB profile that ships with Java.
 */
public final class FacturXWriter {

    private static final String SRGB = "sRGB IEC61966-2.1";

    private FacturXWriter() {
    }

    /**
     * The Factur-X PDF.
     *
     * @param pdf      the invoice PDF as Billflow renders it
     * @param ciiXml   the document's EN 16931 CII ({@link CiiInvoiceWriter#xml})
     * @param producer the name written as the PDF's producer and creator, e.g. the seller's
     */
    public static byte[] pdf(byte[] pdf, byte[] ciiXml, String producer) {
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.ignorePDFAErrors()
                    .setZUGFeRDVersion(2)
                    .setProfile(Profiles.getByName("EN16931"))
                    .setProducer("Billflow")
                    .setCreator(producer)
                    .load(withOutputIntent(pdf));
            exporter.setXML(ciiXml);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Factur-X PDF could not be made", e);
        }
    }

    private static byte[] withOutputIntent(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.getDocumentCatalog().getOutputIntents().isEmpty()) {
                PDOutputIntent intent = new PDOutputIntent(document,
                        new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
                intent.setInfo(SRGB);
                intent.setOutputCondition(SRGB);
                intent.setOutputConditionIdentifier(SRGB);
                intent.setRegistryName("http://www.color.org");
                document.getDocumentCatalog().addOutputIntent(intent);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
