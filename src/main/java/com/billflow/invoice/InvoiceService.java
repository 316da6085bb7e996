package com.billflow.invoice;

import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.directory.Client;
import com.billflow.directory.ClientService;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryService;
import com.billflow.invoice.process.InvoiceWorkflow;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Creating invoices and changing their lines, merging, and the queries. Status moves of the process: {@link InvoiceLifecycle}. */
@Service
public class InvoiceService {

    /** The most lines one invoice, credit note or proposal holds (also after a merge). */
    public static final int MAX_LINES = 200;

    private final InvoiceRepository invoices;
    private final InvoiceHistory history;
    private final LaboratoryService laboratories;
    private final ClientService clients;
    private final InvoiceWorkflow workflow;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceService(InvoiceRepository invoices, InvoiceHistory history, LaboratoryService laboratories, ClientService clients,
                   InvoiceWorkflow workflow, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.invoices = invoices;
        this.history = history;
        this.laboratories = laboratories;
        this.clients = clients;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** Saves the job's invoice as INITIAL and starts its process, in one transaction. */
    @Transactional
    public Invoice create(CreateInvoiceRequest request, String actor) {
        Laboratory laboratory = laboratories.getReferenced(request.laboratoryCode());
        Client client = clients.getReferenced(request.clientCode());
        Currency currency = laboratory.currency();
        if (request.currency() != null && !request.currency().equals(currency.getCurrencyCode())) {
            throw new InvalidInputException("currency " + request.currency() + " is not the currency of laboratory "
                    + laboratory.getCode() + " (" + currency.getCurrencyCode() + ")");
        }
        InvoiceType type = request.type() == null ? InvoiceType.PRODUCTION : request.type();
        if (type == InvoiceType.CREDIT_NOTE) {
            throw new InvalidInputException("type CREDIT_NOTE cannot be created: credit a BOOKED invoice instead (POST /api/invoices/{id}/credit)");
        }
        Invoice invoice = invoices.save(new Invoice(type, InvoiceStatus.INITIAL, laboratory.getCode(), client.getCode(),
                request.jobNumber().strip(), currency, laboratory.getPaymentTermsDays(), Instant.now(clock)));
        history.record(invoice, null, "create", actor, null);
        workflow.start(invoice);
        return invoice;
    }

    @Transactional(readOnly = true)
    public Invoice get(Long id) {
        return invoices.findById(id).orElseThrow(() -> NotFoundException.of("Invoice", id));
    }

    /** Newest first; {@code laboratoryCodes} null for every laboratory, else only theirs (empty: none). */
    @Transactional(readOnly = true)
    public Page<Invoice> search(InvoiceStatus status, InvoiceType type, Collection<String> laboratoryCodes, int page, int size) {
        if (laboratoryCodes != null && laboratoryCodes.isEmpty()) {
            return Page.empty(PageRequest.of(page, size));
        }
        return invoices.search(status, type, laboratoryCodes == null, laboratoryCodes == null ? List.of() : laboratoryCodes, PageRequest.of(page, size));
    }

    @Transactional
    public Invoice addLine(Long id, LineRequest line, String actor) {
        return addLines(id, List.of(line), actor);
    }

    /**
     * Adds the lines in order, each as {@link #addLine} would (checked, recorded as an "edit" in the invoice's history),
     * in one transaction: the waiting task's form and card are rendered once for all of them instead of once per line.
     * Throws {@link InvalidInputException} for the first line refused (nothing is added then).
     */
    @Transactional
    public Invoice addLines(Long id, List<LineRequest> lines, String actor) {
        Invoice invoice = get(id);
        for (LineRequest line : lines) {
            line.check(invoice.currency());
            if (invoice.getLines().size() >= MAX_LINES) {
                throw new InvalidInputException(invoice.describe() + " already has " + invoice.getLines().size() + " lines; an invoice holds at most "
                        + MAX_LINES + ": start another invoice for the job");
            }
            InvoiceStatus from = invoice.addLine(line.kind(), line.description().strip(), line.quantity(), line.unitPrice(), line.percent());
            history.record(invoice, from, "edit", actor, null);
        }
        Invoice saved = invoices.saveAndFlush(invoice);
        events.publishEvent(new InvoiceLinesChanged(id));
        return saved;
    }

    @Transactional
    public Invoice changeLine(Long id, Long lineId, LineRequest line, String actor) {
        Invoice invoice = get(id);
        line.check(invoice.currency());
        InvoiceStatus from = invoice.changeLine(lineId, line.kind(), line.description().strip(), line.quantity(), line.unitPrice(), line.percent());
        history.record(invoice, from, "edit", actor, null);
        events.publishEvent(new InvoiceLinesChanged(id));
        return invoice;
    }

    @Transactional
    public Invoice removeLine(Long id, Long lineId, String actor) {
        Invoice invoice = get(id);
        InvoiceStatus from = invoice.removeLine(lineId);
        history.record(invoice, from, "edit", actor, null);
        events.publishEvent(new InvoiceLinesChanged(id));
        return invoice;
    }

    @Transactional
    public Invoice reprice(Long id, String actor) {
        Invoice invoice = get(id);
        InvoiceStatus from = invoice.reprice();
        history.record(invoice, from, InvoiceAction.REPRICE.path(), actor, null);
        events.publishEvent(new InvoiceLinesChanged(id));
        return invoice;
    }

    /** Several INITIAL invoices of one laboratory and client become one DRAFT (the first); the others end MERGED. */
    @Transactional
    public Invoice merge(List<Long> ids, String actor) {
        Set<Long> distinct = new LinkedHashSet<>(ids == null ? List.of() : ids);
        if (distinct.size() < 2) {
            throw new InvalidInputException("invoiceIds must name at least two different invoices to merge");
        }
        List<Invoice> all = distinct.stream().map(this::get).toList();
        Invoice target = all.get(0);
        List<Invoice> others = all.subList(1, all.size());
        for (Invoice other : others) {
            if (!other.getLaboratoryCode().equals(target.getLaboratoryCode()) || !other.getClientCode().equals(target.getClientCode())) {
                throw new InvalidInputException("Only invoices of one laboratory and client can be merged: " + other.describe()
                        + " is for " + other.getLaboratoryCode() + "/" + other.getClientCode() + ", " + target.describe()
                        + " for " + target.getLaboratoryCode() + "/" + target.getClientCode());
            }
        }
        InvoiceStatus targetFrom = target.mergeIn(others);
        if (target.getLines().size() > MAX_LINES) {
            throw new InvalidInputException("The merged invoice would have " + target.getLines().size() + " lines; an invoice holds at most "
                    + MAX_LINES + ": merge fewer invoices");
        }
        history.record(target, targetFrom, InvoiceAction.MERGE.path(), actor, null);
        for (Invoice other : others) {
            InvoiceStatus from = other.mergedInto(target);
            history.record(other, from, InvoiceAction.MERGE.path(), actor, "Merged into " + target.describe());
        }
        workflow.merged(target, others);
        return target;
    }
}
