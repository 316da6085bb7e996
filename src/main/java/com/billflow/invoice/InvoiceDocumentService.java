package com.billflow.invoice;

import com.billflow.common.IllegalStatusException;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.directory.Client;
import com.billflow.directory.ClientService;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryService;
import com.billflow.document.DocumentKind;
import com.billflow.document.DocumentStore;
import com.billflow.document.StoredDocument;
import com.billflow.document.csv.AccountingCsvWriter;
import com.billflow.document.csv.AccountingFormat;
import com.billflow.document.csv.AccountingInvoice;
import com.billflow.document.csv.AccountingInvoice.Kind;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** An invoice's documents: estimate and WIP PDFs while INITIAL, the list and downloads, and the accounting CSV. */
@Service
public class InvoiceDocumentService {

    private final InvoiceService invoices;
    private final InvoiceRepository repository;
    private final InvoiceDocuments documents;
    private final DocumentStore store;
    private final LaboratoryService laboratories;
    private final ClientService clients;
    private final InvoiceAccounting accounting;
    private final AccountingCsvWriter csvWriter;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InvoiceDocumentService(InvoiceService invoices, InvoiceRepository repository, InvoiceDocuments documents, DocumentStore store,
                           LaboratoryService laboratories, ClientService clients, InvoiceAccounting accounting,
                           AccountingCsvWriter csvWriter, EntityManager entityManager, Clock clock, ApplicationEventPublisher events) {
        this.invoices = invoices;
        this.repository = repository;
        this.documents = documents;
        this.store = store;
        this.laboratories = laboratories;
        this.clients = clients;
        this.accounting = accounting;
        this.csvWriter = csvWriter;
        this.entityManager = entityManager;
        this.clock = clock;
        this.events = events;
    }

    /** An estimate or WIP document of an INITIAL invoice; the invoice itself does not change. */
    @Transactional
    public StoredDocument preliminary(Long invoiceId, DocumentKind kind) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice.getStatus() != InvoiceStatus.INITIAL) {
            throw new IllegalStatusException(invoice.describe() + " is " + invoice.getStatus() + ": estimate and WIP documents are made only while INITIAL");
        }
        StoredDocument document = documents.render(invoice, laboratories.get(invoice.getLaboratoryCode()), clients.get(invoice.getClientCode()), kind, LocalDate.now(clock));
        events.publishEvent(new InvoiceChanged(invoiceId));
        return document;
    }

    /** The kind a path or form names: {@code estimate} or {@code wip} (any case); anything else is refused (400). */
    public static DocumentKind preliminaryKindOf(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "estimate" -> DocumentKind.ESTIMATE;
            case "wip" -> DocumentKind.WIP;
            default -> throw new InvalidInputException("Unknown document '" + name + "': use documents/estimate or documents/wip");
        };
    }

    @Transactional(readOnly = true)
    public List<StoredDocument> all(Long invoiceId) {
        invoices.get(invoiceId);
        return store.all(InvoiceDocuments.OWNER_TYPE, invoiceId);
    }

    @Transactional(readOnly = true)
    public StoredDocument get(Long invoiceId, Long documentId) {
        invoices.get(invoiceId);
        return store.find(InvoiceDocuments.OWNER_TYPE, invoiceId, documentId)
                .orElseThrow(() -> new NotFoundException("Document " + documentId + " is not a document of invoice " + invoiceId));
    }

    /**
     * One issued invoice as the target's invoice import, or credit note as its credit-note import; answers
     * its number. A document that does not exist for accounting (a proposal; not yet authorised,
     * cancelled, rejected or merged) is refused (409).
     */
    @Transactional(readOnly = true)
    public String writeCsv(Long invoiceId, AccountingFormat format, Writer out) throws IOException {
        Invoice invoice = invoices.get(invoiceId);
        Optional<String> refusal = invoice.exportRefusal();
        if (refusal.isPresent()) {
            throw new IllegalStatusException(refusal.get());
        }
        csvWriter.write(format, InvoiceAccounting.kindOf(invoice.getType()), invoice.hasTaxes(), Stream.of(accounting(invoice)), out);
        return invoice.getNumber();
    }

    /**
     * Every issued invoice (or credit note, by {@code kind}; {@link InvoiceStatus#EXPORTED}) dated within
     * [from, to], read as the stream is consumed (needs a transaction, and must be closed). Each invoice
     * is read only (fetch size 100) and let go once it is a row, so the persistence context does not
     * grow with the export; laboratories and clients are read once per export.
     */
    @Transactional(readOnly = true)
    public Stream<AccountingInvoice> issuedBetween(LocalDate from, LocalDate to, Kind kind) {
        Map<String, Laboratory> laboratoryByCode = new HashMap<>();
        Map<String, Client> clientByCode = new HashMap<>();
        return repository.streamIssuedBetween(from, to, typeOf(kind), InvoiceStatus.EXPORTED).map(invoice -> {
            String credited = invoice.getOriginalInvoiceId() == null ? null : repository.numberOf(invoice.getOriginalInvoiceId());
            AccountingInvoice row = accounting.accounting(invoice, clientByCode.computeIfAbsent(invoice.getClientCode(), clients::get),
                    laboratoryByCode.computeIfAbsent(invoice.getLaboratoryCode(), laboratories::get), credited);
            entityManager.detach(invoice);
            return row;
        });
    }

    /** Whether any document {@link #issuedBetween} yields has a tax line. */
    @Transactional(readOnly = true)
    public boolean anyTaxesBetween(LocalDate from, LocalDate to, Kind kind) {
        return repository.anyTaxesBetween(from, to, typeOf(kind), InvoiceStatus.EXPORTED);
    }

    private AccountingInvoice accounting(Invoice invoice) {
        String credited = invoice.getOriginalInvoiceId() == null ? null : repository.numberOf(invoice.getOriginalInvoiceId());
        return accounting.accounting(invoice, clients.get(invoice.getClientCode()), laboratories.get(invoice.getLaboratoryCode()), credited);
    }

    private static InvoiceType typeOf(Kind kind) {
        return kind == Kind.CREDIT_NOTE ? InvoiceType.CREDIT_NOTE : InvoiceType.PRODUCTION;
    }
}
