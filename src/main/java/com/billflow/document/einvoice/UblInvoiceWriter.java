package com.billflow.document.einvoice;

import com.helger.commons.error.list.ErrorList;
import com.helger.en16931.cii2ubl.CIIToUBL21Converter;
import com.helger.ubl21.UBL21Marshaller;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

import java.util.List;

/**
 * Writes an {@link ElectronicInvoice} as a Peppol BIS Billing 3.0 UBL 2.1 {@code Invoice} or {@code CreditNote}:
 * the EN 16931 CII of {@link CiiInvoiceWriter} mapped to UBL by en16931-cii2ubl (the semantic model is the same,
 * so both syntaxes say the same), with Peppol's specification and process ids and both parties' Peppol
 * participant ids as electronic addresses; written by ph-ubl.
 */
public final class UblInvoiceWriter {

    /** BT-24 of Peppol BIS Billing 3.0. */
    public static final String PEPPOL_CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    /** BT-23 of Peppol BIS Billing 3.0 (process P1: invoicing of deliveries against purchase orders / contracts). */
    public static final String PEPPOL_PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

    private UblInvoiceWriter() {
    }

    /**
     * The UBL XML (UTF-8). Throws {@link IllegalStateException} when the mapping or the UBL schema refuses the
     * document, naming what they said: a programming error, since the domain checks what EN 16931 needs first.
     */
    public static byte[] xml(ElectronicInvoice invoice) {
        CIIToUBL21Converter converter = new CIIToUBL21Converter()
                .setCustomizationID(PEPPOL_CUSTOMIZATION)
                .setProfileID(PEPPOL_PROFILE);
        ErrorList errors = new ErrorList();
        byte[] xml;
        if (invoice.creditNote()) {
            CreditNoteType creditNote = converter.convertToCreditNote(CiiInvoiceWriter.document(invoice), errors);
            requireNoErrors(invoice, errors, creditNote);
            endpoints(creditNote.getAccountingSupplierParty().getParty(), creditNote.getAccountingCustomerParty().getParty(), invoice);
            creditNote.setBillingReference(List.of(billingReference(invoice.credited())));
            xml = UBL21Marshaller.creditNote().getAsBytes(creditNote);
        } else {
            InvoiceType ubl = converter.convertToInvoice(CiiInvoiceWriter.document(invoice), errors);
            requireNoErrors(invoice, errors, ubl);
            endpoints(ubl.getAccountingSupplierParty().getParty(), ubl.getAccountingCustomerParty().getParty(), invoice);
            xml = UBL21Marshaller.invoice().getAsBytes(ubl);
        }
        if (xml == null) {
            throw new IllegalStateException("UBL of " + invoice.number() + " does not fit the UBL 2.1 schema: see the log");
        }
        return xml;
    }

    private static void requireNoErrors(ElectronicInvoice invoice, ErrorList errors, Object converted) {
        if (converted == null || errors.containsAtLeastOneError()) {
            throw new IllegalStateException("CII to UBL of " + invoice.number() + " failed: " + errors.getAllErrors());
        }
    }

    /** The credited invoice (BG-3), which the CII-to-UBL mapping leaves without its number on a credit note. */
    private static BillingReferenceType billingReference(ElectronicInvoice.PrecedingInvoice credited) {
        DocumentReferenceType reference = new DocumentReferenceType();
        reference.setID(credited.number());
        reference.setIssueDate(credited.issueDate());
        BillingReferenceType billing = new BillingReferenceType();
        billing.setInvoiceDocumentReference(reference);
        return billing;
    }

    /** The electronic addresses (BT-34, BT-49) are the parties' Peppol participant ids, scheme and value. */
    private static void endpoints(PartyType seller, PartyType buyer, ElectronicInvoice invoice) {
        seller.setEndpointID(endpoint(invoice.seller().endpoint()));
        buyer.setEndpointID(endpoint(invoice.buyer().endpoint()));
    }

    private static EndpointIDType endpoint(ElectronicInvoice.ParticipantId id) {
        EndpointIDType endpoint = new EndpointIDType(id.value());
        endpoint.setSchemeID(id.scheme());
        return endpoint;
    }
}
