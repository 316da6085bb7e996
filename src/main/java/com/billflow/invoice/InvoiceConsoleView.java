package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.ClientService;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryService;
import com.billflow.document.DocumentKind;
import com.billflow.document.StoredDocument;
import com.billflow.money.MoneyFormat;
import com.billflow.security.Caller;
import com.billflow.security.LaboratoryScope;
import com.billflow.security.UserNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the invoice pages show, read from the services as they are when the page is opened: names,
 * not codes ({@code messages.properties}), money formatted with the currency's digits
 * ({@link MoneyFormat}), and the links between an invoice, its credit note, its merge and its proposal.
 */
@Component
class InvoiceConsoleView {

    /** A link to a related invoice, e.g. "Credit note" → "Credit note ALPHA-CN-2026-00001". */
    record Link(String relation, Long id, String title) {
    }

    /**
     * One line as shown and as its editor's fields hold it: numbers as plain text without trailing zeros
     * ("2", "19.5"), the unit price with at least the currency's digits ("90.00"); {@code amount} formatted
     * and {@code price} (the unit price) formatted in the invoice's currency. Absent numbers are null.
     */
    record Line(Long id, LineKind kind, String description, String quantity, String unitPrice, String percent, String price, String amount) {
    }

    /** One document as listed: {@code kind} as a name ("Work in progress"). */
    record Document(Long id, String kind, String fileName, Instant createdAt, String sha256) {
    }

    /** One history row: who by name ("system" for automation). */
    record HistoryRow(InvoiceStatus from, InvoiceStatus to, String action, String who, Instant when, String reason) {
    }

    /** A laboratory of the caller's, and whether it asked for scheduled WIP documents. */
    record LaboratoryChoice(String code, String name, boolean wipScheduled) {
    }

    private final InvoiceService invoices;
    private final InvoiceRepository repository;
    private final InvoiceDocumentService documents;
    private final InvoiceHistory history;
    private final LaboratoryService laboratories;
    private final ClientService clients;
    private final InvoiceAccess access;
    private final WipSchedule wipSchedule;
    private final UserNames userNames;
    private final MoneyFormat money;
    private final MessageSource messages;

    InvoiceConsoleView(InvoiceService invoices, InvoiceRepository repository, InvoiceDocumentService documents, InvoiceHistory history,
                       LaboratoryService laboratories, ClientService clients, InvoiceAccess access, WipSchedule wipSchedule,
                       UserNames userNames, MoneyFormat money, MessageSource messages) {
        this.invoices = invoices;
        this.repository = repository;
        this.documents = documents;
        this.history = history;
        this.laboratories = laboratories;
        this.clients = clients;
        this.access = access;
        this.wipSchedule = wipSchedule;
        this.userNames = userNames;
        this.money = money;
        this.messages = messages;
    }

    /** The choices of the list's filters and of "New invoice": the caller's laboratories, every client, types and statuses. */
    @Transactional(readOnly = true)
    void fillList(Caller caller, Model model) {
        LaboratoryScope scope = access.scopeOf(caller);
        model.addAttribute("laboratories", laboratories.all().stream().filter(lab -> scope.includes(lab.getCode()))
                .sorted(Comparator.comparing(lab -> lab.getName().toLowerCase(Locale.ROOT)))
                .map(lab -> new LaboratoryChoice(lab.getCode(), lab.getName(), wipSchedule.requestOf(lab.getCode()).isPresent())).toList());
        model.addAttribute("clients", clients.all().stream().sorted(Comparator.comparing(c -> c.getName().toLowerCase(Locale.ROOT))).toList());
        model.addAttribute("types", InvoiceType.values());
        model.addAttribute("statuses", InvoiceStatus.values());
    }

    /** The detail page: header, lines and editor, totals, documents (one previewed), history, links and actions. */
    @Transactional(readOnly = true)
    void fillDetail(Invoice invoice, Long documentId, Model model) {
        Laboratory laboratory = laboratories.get(invoice.getLaboratoryCode());
        Client client = clients.get(invoice.getClientCode());
        model.addAttribute("invoice", invoice);
        model.addAttribute("laboratory", laboratory);
        model.addAttribute("client", client);
        model.addAttribute("transmittedBy", invoice.getTransmittedBy() == null ? null
                : messages.getMessage("transmitBy." + invoice.getTransmittedBy(), null, invoice.getTransmittedBy(), Locale.ENGLISH));
        int digits = Math.max(0, invoice.currency().getDefaultFractionDigits());
        model.addAttribute("lines", invoice.getLines().stream().map(l -> new Line(l.getId(), l.getKind(), l.getDescription(),
                plain(l.getQuantity(), 0), plain(l.getUnitPrice(), digits), plain(l.getPercent(), 0),
                l.getUnitPrice() == null ? null : money.format(l.getUnitPrice(), invoice.currency().getCurrencyCode()),
                money.format(l.amount(invoice.currency())))).toList());
        model.addAttribute("editable", invoice.allows(InvoiceAction.EDIT));
        model.addAttribute("lineKinds", LineKind.values());
        model.addAttribute("subtotal", money.format(invoice.subtotal()));
        model.addAttribute("taxTotal", money.format(invoice.taxTotal()));
        model.addAttribute("total", money.format(invoice.total()));
        // Why "Release" is missing, where the status would offer it (a draft without lines, say).
        model.addAttribute("releaseBlocker", invoice.actionsOfStatus().contains(InvoiceAction.RELEASE.path())
                ? invoice.releaseBlocker().orElse(null) : null);
        // Merging starts on the list, where the invoices to merge are ticked; every other allowed action is a button here.
        model.addAttribute("actions", invoice.allowedActions().stream().map(path -> InvoiceAction.valueOf(path.toUpperCase(Locale.ROOT)))
                .filter(InvoiceAction::isNamedAction).toList());
        model.addAttribute("preliminaryAllowed", invoice.getStatus() == InvoiceStatus.INITIAL);
        List<Document> all = documents.all(invoice.getId()).stream()
                .sorted(Comparator.comparing(StoredDocument::getCreatedAt).thenComparing(StoredDocument::getId).reversed())
                .map(d -> new Document(d.getId(), kindName(d.getKind()), d.getFileName(), d.getCreatedAt(), d.getSha256())).toList();
        model.addAttribute("documents", all);
        model.addAttribute("previewed", all.stream().filter(d -> documentId == null || d.id().equals(documentId)).findFirst().orElse(null));
        model.addAttribute("history", history.of(invoice.getId()).stream().map(h -> new HistoryRow(h.getFrom(), h.getTo(), h.getAction(),
                userNames.of(h.getWho()), h.getWhen(), h.getReason())).toList());
        model.addAttribute("links", links(invoice));
    }

    /** The flash message after {@code action}: what happened, in words ("Invoice ALPHA-INV-2026-00001 is now Authorised."). */
    String done(InvoiceAction action, Invoice after) {
        String status = messages.getMessage("invoiceStatus." + after.getStatus(), null, after.getStatus().name(), Locale.ENGLISH);
        if (action == InvoiceAction.CREDIT) {
            return "Invoice credited: " + title(after) + " is its credit note.";
        }
        if (action == InvoiceAction.REPRICE) {
            return "Repriced: the amounts follow the current rules; total " + money.format(after.total()) + ".";
        }
        if ((action == InvoiceAction.TRANSMIT || action == InvoiceAction.SEND) && after.getStatus() == InvoiceStatus.AUTHORISED) {
            return "Transmission started: " + title(after) + " goes to the client in a moment (reload to see it Transmitted).";
        }
        if (action == InvoiceAction.PAY && after.getStatus() == InvoiceStatus.BOOKED) {
            return "Payment recorded: " + title(after) + " stays Booked until the payments reach its total.";
        }
        return title(after) + " is now " + status + ".";
    }

    String kindName(DocumentKind kind) {
        return messages.getMessage("documentKind." + kind, null, kind.name(), Locale.ENGLISH);
    }

    private List<Link> links(Invoice invoice) {
        List<Link> links = new ArrayList<>();
        link(links, "Credits invoice", invoice.getOriginalInvoiceId());
        link(links, "Credit note", invoice.getCreditNoteId());
        link(links, "Merged into", invoice.getMergedIntoId());
        repository.findByMergedIntoIdOrderById(invoice.getId()).forEach(merged -> links.add(new Link("Merged from", merged.getId(), title(merged))));
        link(links, "Made from proposal", invoice.getProposalId());
        link(links, "Production invoice", invoice.getProductionInvoiceId());
        return links;
    }

    private void link(List<Link> links, String relation, Long id) {
        if (id != null) {
            links.add(new Link(relation, id, title(invoices.get(id))));
        }
    }

    /** "Invoice ALPHA-INV-2026-00001", or before a number "Invoice draft, job J-24-0351": never a database id. */
    String title(Invoice invoice) {
        return invoice.getNumber() != null ? invoice.describe()
                : messages.getMessage("invoiceType." + invoice.getType(), null, Locale.ENGLISH) + " draft, job " + invoice.getJobNumber();
    }

    private static String plain(BigDecimal number, int minimumDigits) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.setScale(Math.max(minimumDigits, Math.max(0, stripped.scale()))).toPlainString();
    }
}
