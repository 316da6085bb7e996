package com.billflow.invoice;

import com.billflow.BillflowProperties;
import com.billflow.common.IllegalStatusException;
import com.billflow.directory.Address;
import com.billflow.directory.BankDetails;
import com.billflow.directory.Client;
import com.billflow.directory.ClientService;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryService;
import com.billflow.directory.TaxMapping;
import com.billflow.directory.TransmitBy;
import com.billflow.document.DocumentKind;
import com.billflow.document.DocumentStore;
import com.billflow.document.StoredDocument;
import com.billflow.document.einvoice.CiiInvoiceWriter;
import com.billflow.document.einvoice.CountryCodes;
import com.billflow.document.einvoice.EInvoiceFormat;
import com.billflow.document.einvoice.ElectronicInvoice;
import com.billflow.document.einvoice.FacturXWriter;
import com.billflow.document.einvoice.PeppolVatSchemes;
import com.billflow.document.einvoice.UblInvoiceWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A laboratory invoice or credit note as an EN 16931 e-invoice (SPEC §6): what it lacks to be a valid one
 * ({@link EInvoiceRequirements#missingFields}), and the Peppol BIS UBL or the Factur-X PDF of an issued one ({@link #file}).
 * Every amount is the one the invoice was issued with; a credit note's are written positive, as EN 16931 credits
 * by its type (381). The one VAT category and rate of a document is the laboratory's tax mapping for the sum of
 * its TAX percents (Billflow charges each tax on the whole net), or of 0 % when it has none.
 */
@Service
public class ElectronicInvoices {

    /** UN/ECE Recommendation 20 "one": each sample/test and cost is counted in units. */
    static final String UNIT_CODE = "C62";

    /** An e-invoice file: its name ({@code <number>.xml} or {@code .pdf}), media type, content and SHA-256 (hex). */
    public record File(String fileName, String mediaType, byte[] content, String sha256) {
    }

    private final InvoiceService invoices;
    private final InvoiceRepository repository;
    private final LaboratoryService laboratories;
    private final ClientService clients;
    private final DocumentStore store;
    private final BillflowProperties properties;

    ElectronicInvoices(InvoiceService invoices, InvoiceRepository repository, LaboratoryService laboratories, ClientService clients,
                       DocumentStore store, BillflowProperties properties) {
        this.invoices = invoices;
        this.repository = repository;
        this.laboratories = laboratories;
        this.clients = clients;
        this.store = store;
        this.properties = properties;
    }

    /**
     * The e-invoice of an issued invoice or credit note (AUTHORISED, TRANSMITTED, BOOKED, PAID or CREDITED).
     * Refused (409) for a proposal, a document not yet authorised or ended without issue, and one that lacks
     * what EN 16931 needs (naming the fields); an unknown id is 404.
     */
    @Transactional(readOnly = true)
    public File file(Long invoiceId, EInvoiceFormat format) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice.getType() == InvoiceType.PROPOSAL || !InvoiceStatus.EXPORTED.contains(invoice.getStatus())) {
            throw new IllegalStatusException(invoice.describe() + " is " + (invoice.getType() == InvoiceType.PROPOSAL ? "a proposal" : invoice.getStatus())
                    + ": e-invoices exist for invoices and credit notes from AUTHORISED on (AUTHORISED, TRANSMITTED, BOOKED, PAID, CREDITED)");
        }
        Laboratory laboratory = laboratories.get(invoice.getLaboratoryCode());
        Client client = clients.get(invoice.getClientCode());
        requireValid(invoice, laboratory, client);
        return file(invoice, laboratory, client, format);
    }

    /** As {@link #file(Long, EInvoiceFormat)} for a loaded invoice that {@link EInvoiceRequirements#missingFields} found complete. */
    File file(Invoice invoice, Laboratory laboratory, Client client, EInvoiceFormat format) {
        ElectronicInvoice document = document(invoice, laboratory, client);
        byte[] content = switch (format) {
            case UBL -> UblInvoiceWriter.xml(document);
            case FACTURX -> FacturXWriter.pdf(pdf(invoice).getContent(), CiiInvoiceWriter.xml(document), laboratory.getName());
        };
        return new File(format.fileName(invoice.getNumber()), format.mediaType(), content, StoredDocument.sha256Of(content));
    }

    /** Refuses (409) a document that cannot be a valid e-invoice, naming what is missing; see {@link EInvoiceRequirements#missingFields}. */
    void requireValid(Invoice invoice, Laboratory laboratory, Client client) {
        List<String> missing = EInvoiceRequirements.missingFields(invoice, laboratory, client);
        if (!missing.isEmpty()) {
            throw new IllegalStatusException(invoice.describe() + " cannot be a valid EN 16931 e-invoice: " + String.join("; ", missing));
        }
    }

    /**
     * For authorise: refuses (409, naming the missing fields) a document for a client on the e-invoice channel that
     * could not be a valid EN 16931 e-invoice, so none is ever produced invalid. Other clients are not held up.
     */
    @Transactional(readOnly = true)
    public void checkAuthorisable(Long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        Client client = clients.get(invoice.getClientCode());
        if (client.getTransmitBy() == TransmitBy.EINVOICE && invoice.getType() != InvoiceType.PROPOSAL) {
            requireValid(invoice, laboratories.get(invoice.getLaboratoryCode()), client);
        }
    }

    private ElectronicInvoice document(Invoice invoice, Laboratory laboratory, Client client) {
        boolean creditNote = invoice.getType() == InvoiceType.CREDIT_NOTE;
        BigDecimal sign = creditNote ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        int digits = Math.min(2, invoice.currency().getDefaultFractionDigits());
        TaxMapping mapping = laboratory.taxMappingFor(taxRate(invoice)).orElseThrow();
        List<ElectronicInvoice.Line> lines = new ArrayList<>();
        List<ElectronicInvoice.Adjustment> adjustments = new ArrayList<>();
        BigDecimal lineTotal = BigDecimal.ZERO;
        for (InvoiceLine line : invoice.getLines()) {
            if (!line.getKind().isPercentBased()) {
                BigDecimal amount = amount(line.amount(invoice.currency()).amount().multiply(sign), digits);
                lines.add(new ElectronicInvoice.Line(String.valueOf(lines.size() + 1), line.getDescription(), line.getQuantity(), UNIT_CODE,
                        line.getUnitPrice().multiply(sign), amount));
                lineTotal = lineTotal.add(amount);
            }
        }
        BigDecimal allowances = BigDecimal.ZERO;
        BigDecimal charges = BigDecimal.ZERO;
        for (InvoiceLine line : invoice.getLines()) {
            if (line.getKind().isPercentBased() && line.getKind() != LineKind.TAX) {
                BigDecimal amount = amount(line.amount(invoice.currency()).amount().multiply(sign).abs(), digits);
                boolean charge = line.getKind() == LineKind.SURCHARGE;
                // The percent and its base only where they give the amount exactly (Peppol rule R040 allows 0.02 of rounding).
                boolean exact = lineTotal.multiply(line.getPercent()).divide(BigDecimal.valueOf(100)).compareTo(amount) == 0;
                adjustments.add(new ElectronicInvoice.Adjustment(charge, line.getDescription(), amount,
                        exact ? line.getPercent() : null, exact ? lineTotal : null));
                if (charge) {
                    charges = charges.add(amount);
                } else {
                    allowances = allowances.add(amount);
                }
            }
        }
        String category = mapping.vatCategory();
        ElectronicInvoice.Vat vat = new ElectronicInvoice.Vat(category, mapping.rate(), exemptionReason(mapping), exemptionCode(category));
        Invoice credited = invoice.getOriginalInvoiceId() == null ? null : repository.findById(invoice.getOriginalInvoiceId()).orElse(null);
        String paymentReference = creditNote ? null : laboratory.getPaymentReference().referenceFor(invoice.getNumber());
        String terms = creditNote
                ? "Credits invoice " + (credited == null ? "" : credited.getNumber() + " of " + credited.getInvoiceDate()) + " in full: nothing is to be paid"
                : "Payable within " + (invoice.getDueDate().toEpochDay() - invoice.getInvoiceDate().toEpochDay()) + " days, by " + invoice.getDueDate()
                + ", quoting " + paymentReference;
        BankDetails bank = laboratory.getBankDetails();
        return new ElectronicInvoice(creditNote, invoice.getNumber(), invoice.getInvoiceDate(), creditNote ? null : invoice.getDueDate(),
                invoice.currency(), invoice.getJobNumber(),
                credited == null ? null : new ElectronicInvoice.PrecedingInvoice(credited.getNumber(), credited.getInvoiceDate()),
                seller(laboratory), buyer(client),
                new ElectronicInvoice.Payment(bank.iban(), bank.bic(), bank.accountNumber(), bank.bankCode(), bank.accountHolder(), paymentReference, terms),
                vat, lines, adjustments,
                new ElectronicInvoice.Totals(lineTotal, allowances, charges, amount(invoice.subtotal().amount().multiply(sign), digits),
                        amount(invoice.taxTotal().amount().multiply(sign), digits), amount(invoice.total().amount().multiply(sign), digits)));
    }

    private ElectronicInvoice.Party seller(Laboratory laboratory) {
        Address address = laboratory.getAddress();
        String email = laboratory.getEmailFrom() != null ? laboratory.getEmailFrom() : properties.mail().from();
        return new ElectronicInvoice.Party(laboratory.getName(), address.line1(), address.line2(), address.city(), address.region(),
                address.postalCode(), CountryCodes.of(address.country()).orElseThrow(), laboratory.getTaxId(),
                PeppolVatSchemes.fromVatId(laboratory.getTaxId()).orElseThrow(), email, laboratory.getPhone());
    }

    private static ElectronicInvoice.Party buyer(Client client) {
        Address address = client.getAddress();
        ElectronicInvoice.ParticipantId endpoint = client.getEinvoice() != null
                ? new ElectronicInvoice.ParticipantId(client.getEinvoice().peppolScheme(), client.getEinvoice().peppolId())
                : PeppolVatSchemes.fromVatId(client.getTaxId()).orElseThrow();
        return new ElectronicInvoice.Party(client.getName(), address.line1(), address.line2(), address.city(), address.region(),
                address.postalCode(), CountryCodes.of(address.country()).orElseThrow(), client.getTaxId(), endpoint,
                client.getInvoiceContactEmail(), null);
    }

    /** The given reason, else the standard wording of the categories whose reason is the category itself. */
    private static String exemptionReason(TaxMapping mapping) {
        if (mapping.exemptionReason() != null) {
            return mapping.exemptionReason();
        }
        return switch (mapping.vatCategory()) {
            case "AE" -> "Reverse charge";
            case "K" -> "Intra-community supply";
            case "G" -> "Export outside the EU";
            default -> null;
        };
    }

    /** The VATEX code (CEF code list) of the categories that have one fixed code. */
    private static String exemptionCode(String category) {
        return switch (category) {
            case "AE" -> "VATEX-EU-AE";
            case "K" -> "VATEX-EU-IC";
            case "G" -> "VATEX-EU-G";
            default -> null;
        };
    }

    /** The document's one VAT rate: the sum of its TAX percents (0 without any). */
    static BigDecimal taxRate(Invoice invoice) {
        return invoice.getLines().stream().filter(line -> line.getKind() == LineKind.TAX).map(InvoiceLine::getPercent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private StoredDocument pdf(Invoice invoice) {
        DocumentKind kind = invoice.getType() == InvoiceType.CREDIT_NOTE ? DocumentKind.CREDIT_NOTE : DocumentKind.INVOICE;
        return store.latest(InvoiceDocuments.OWNER_TYPE, invoice.getId(), kind)
                .orElseThrow(() -> new IllegalStateException(invoice.describe() + " has no " + kind + " PDF"));
    }

    private static BigDecimal amount(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }
}
