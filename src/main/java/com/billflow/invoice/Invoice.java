package com.billflow.invoice;

import com.billflow.common.IllegalStatusException;
import com.billflow.common.NotFoundException;
import com.billflow.money.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A laboratory's invoice, credit note or proposal. It owns its status: every move goes through
 * {@link #move}, which refuses what {@link InvoiceStateMachine} does not allow, naming the current
 * status and the allowed actions. Lines can change only while the status allows editing; an
 * issued invoice never changes.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private InvoiceType type;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private String number;
    private String laboratoryCode;
    private String clientCode;
    private String jobNumber;
    private String currency;
    private BigDecimal subtotal = BigDecimal.ZERO;
    private BigDecimal taxTotal = BigDecimal.ZERO;
    private BigDecimal total = BigDecimal.ZERO;
    private LocalDate invoiceDate;
    private LocalDate dueDate;
    private int paymentTermsDays;
    private Long originalInvoiceId;
    private Long creditNoteId;
    private Long mergedIntoId;
    private Long proposalId;
    private Long productionInvoiceId;
    private String transmittedBy;
    private Instant transmittedAt;
    private Instant createdAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "invoice_id", nullable = false)
    @OrderColumn(name = "position", nullable = false)
    private List<InvoiceLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected Invoice() {
    }

    Invoice(InvoiceType type, InvoiceStatus status, String laboratoryCode, String clientCode, String jobNumber,
            Currency currency, int paymentTermsDays, Instant createdAt) {
        this.type = type;
        this.status = status;
        this.laboratoryCode = laboratoryCode;
        this.clientCode = clientCode;
        this.jobNumber = jobNumber;
        this.currency = currency.getCurrencyCode();
        this.paymentTermsDays = paymentTermsDays;
        this.createdAt = createdAt;
    }

    /**
     * A credit note for this booked invoice: RELEASED, linked both ways once saved, every amount the
     * invoice was issued with reversed as it stands (not worked out again), so the two always cancel out.
     */
    Invoice creditNote(Instant now) {
        Invoice creditNote = new Invoice(InvoiceType.CREDIT_NOTE, InvoiceStatus.RELEASED, laboratoryCode, clientCode, jobNumber,
                currency(), paymentTermsDays, now);
        lines.forEach(line -> creditNote.lines.add(line.reversed()));
        creditNote.originalInvoiceId = id;
        creditNote.subtotal = subtotal.negate();
        creditNote.taxTotal = taxTotal.negate();
        creditNote.total = total.negate();
        return creditNote;
    }

    /** The job's production invoice made from this accepted proposal: INITIAL, with the proposal's lines. */
    Invoice productionInvoice(Instant now) {
        Invoice production = new Invoice(InvoiceType.PRODUCTION, InvoiceStatus.INITIAL, laboratoryCode, clientCode, jobNumber,
                currency(), paymentTermsDays, now);
        lines.forEach(line -> production.lines.add(line.copy()));
        production.recalculate();
        return production;
    }

    /**
     * Applies {@code action}; answers the status it left. Refused (409) when the status does not allow it,
     * or when it is a release of an invoice that cannot be right ({@link #releaseBlocker}).
     */
    InvoiceStatus move(InvoiceAction action) {
        if (!allows(action)) {
            throw refused(action);
        }
        InvoiceStatus previous = status;
        status = InvoiceStateMachine.next(type, status, action).orElseThrow();
        return previous;
    }

    /** The 409 for {@code action}: why this invoice cannot be released, or its status and the allowed actions. */
    public IllegalStatusException refused(InvoiceAction action) {
        String allowed = allowedActions().isEmpty() ? "none (final status)" : String.join(", ", allowedActions());
        if (action == InvoiceAction.RELEASE && statusAllows(action) && releaseBlocker().isPresent()) {
            return new IllegalStatusException(describe() + " is " + status + " and cannot be released: " + releaseBlocker().get()
                    + ". Nothing was numbered. Allowed actions: " + allowed);
        }
        String what = action == InvoiceAction.EDIT ? "edit lines" : action.path();
        return IllegalStatusException.of(describe(), status, what, allowedActions());
    }

    /** The actions a user may ask for now, as their path names; {@code release} only for an invoice that may be issued. */
    public List<String> allowedActions() {
        return InvoiceStateMachine.allowed(type, status).stream().filter(this::allows)
                .filter(a -> a != InvoiceAction.EDIT && a != InvoiceAction.AUTO_BOOK).map(InvoiceAction::path).toList();
    }

    /**
     * The actions the status offers, as path names, whatever the lines: a Tasklist form lists these,
     * since its options are fixed when the task is created while lines may still change.
     */
    public List<String> actionsOfStatus() {
        return InvoiceStateMachine.allowed(type, status).stream()
                .filter(a -> a != InvoiceAction.EDIT && a != InvoiceAction.AUTO_BOOK).map(InvoiceAction::path).toList();
    }

    public boolean allows(InvoiceAction action) {
        return statusAllows(action) && (action != InvoiceAction.RELEASE || releaseBlocker().isEmpty());
    }

    private boolean statusAllows(InvoiceAction action) {
        return InvoiceStateMachine.next(type, status, action).isPresent();
    }

    /**
     * Why this production invoice or proposal cannot be issued as it stands (SPEC §6), or empty:
     * it needs at least one sample/test or cost line (percent lines alone charge nothing) and a
     * total of zero or more, since only a credit note may be negative.
     */
    public Optional<String> releaseBlocker() {
        if (type == InvoiceType.CREDIT_NOTE) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.of("it has no lines; add the samples/tests or costs to charge first");
        }
        if (lines.stream().allMatch(line -> line.getKind().isPercentBased())) {
            return Optional.of("it has no sample/test or cost line, so it charges nothing; add what to charge first");
        }
        if (total.signum() < 0) {
            return Optional.of("its total " + total() + " is negative (only a credit note may be negative); "
                    + "lower its rebates or discounts first");
        }
        return Optional.empty();
    }

    InvoiceStatus addLine(LineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal percent) {
        InvoiceStatus previous = move(InvoiceAction.EDIT);
        lines.add(new InvoiceLine(kind, description, quantity, unitPrice, percent));
        recalculate();
        return previous;
    }

    InvoiceStatus changeLine(Long lineId, LineKind kind, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal percent) {
        InvoiceLine line = line(lineId);
        InvoiceStatus previous = move(InvoiceAction.EDIT);
        line.change(kind, description, quantity, unitPrice, percent);
        recalculate();
        return previous;
    }

    InvoiceStatus removeLine(Long lineId) {
        InvoiceLine line = line(lineId);
        InvoiceStatus previous = move(InvoiceAction.EDIT);
        lines.remove(line);
        recalculate();
        return previous;
    }

    InvoiceStatus reprice() {
        InvoiceStatus previous = move(InvoiceAction.REPRICE);
        recalculate();
        return previous;
    }

    /**
     * Takes the lines of {@code others} (all INITIAL, same laboratory and client) and becomes a
     * DRAFT. Samples/tests and costs are all taken; a percent line (VAT 19%, say) is taken once,
     * since it applies to the merged invoice's whole base: two copies would charge it twice.
     */
    InvoiceStatus mergeIn(List<Invoice> others) {
        InvoiceStatus previous = move(InvoiceAction.MERGE);
        for (Invoice other : others) {
            for (InvoiceLine line : other.lines) {
                if (!line.getKind().isPercentBased() || lines.stream().noneMatch(line::sameRate)) {
                    lines.add(line.copy());
                }
            }
        }
        recalculate();
        return previous;
    }

    /** Ends this INITIAL invoice as MERGED into {@code target}. */
    InvoiceStatus mergedInto(Invoice target) {
        if (status != InvoiceStatus.INITIAL || type != InvoiceType.PRODUCTION) {
            throw refused(InvoiceAction.MERGE);
        }
        InvoiceStatus previous = status;
        status = InvoiceStatus.MERGED;
        mergedIntoId = target.getId();
        return previous;
    }

    /**
     * Works the amounts out once more under the current rule (a draft may predate a change of it),
     * then refuses (409) unless this invoice may be released now. Lines do not change.
     */
    void checkReleasable() {
        if (statusAllows(InvoiceAction.RELEASE)) {
            recalculate();
        }
        if (!allows(InvoiceAction.RELEASE)) {
            throw refused(InvoiceAction.RELEASE);
        }
    }

    InvoiceStatus release(String allocatedNumber, LocalDate date) {
        checkReleasable();
        InvoiceStatus previous = move(InvoiceAction.RELEASE);
        issue(allocatedNumber, date);
        return previous;
    }

    /** Gives a credit note, which starts RELEASED, its number and dates. */
    void issue(String allocatedNumber, LocalDate date) {
        this.number = allocatedNumber;
        this.invoiceDate = date;
        this.dueDate = date.plusDays(paymentTermsDays);
    }

    InvoiceStatus transmit(String by, Instant at) {
        InvoiceStatus previous = move(type == InvoiceType.PROPOSAL ? InvoiceAction.SEND : InvoiceAction.TRANSMIT);
        this.transmittedBy = by;
        this.transmittedAt = at;
        return previous;
    }

    InvoiceStatus credit(Invoice creditNote) {
        InvoiceStatus previous = move(InvoiceAction.CREDIT);
        this.creditNoteId = creditNote.getId();
        return previous;
    }

    void linkProductionInvoice(Invoice production) {
        this.productionInvoiceId = production.getId();
        production.proposalId = id;
    }

    /**
     * The amounts (SPEC §6): samples/tests and costs are the base; surcharges, rebates and discounts
     * are percents of the base; taxes are percents of the net after them (base + surcharges − rebates
     * − discounts), so tax is charged on what the client pays for. Each line is rounded once (HALF_UP
     * to the currency's digits) and the sums are of rounded lines: subtotal is the net, total the net
     * plus taxes. Called only while lines may change (and at release), so issued documents keep the
     * amounts they were issued with.
     */
    private void recalculate() {
        Currency currency = currency();
        Money base = Money.zero(currency);
        for (InvoiceLine line : lines) {
            if (!line.getKind().isPercentBased()) {
                base = base.plus(line.calculate(base, currency));
            }
        }
        Money net = base;
        for (InvoiceLine line : lines) {
            if (line.getKind().isPercentBased() && line.getKind() != LineKind.TAX) {
                net = net.plus(line.calculate(base, currency));
            }
        }
        Money taxes = Money.zero(currency);
        for (InvoiceLine line : lines) {
            if (line.getKind() == LineKind.TAX) {
                taxes = taxes.plus(line.calculate(net, currency));
            }
        }
        this.subtotal = net.amount();
        this.taxTotal = taxes.amount();
        this.total = net.plus(taxes).amount();
    }

    private InvoiceLine line(Long lineId) {
        return lines.stream().filter(l -> l.getId().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Line " + lineId + " is not a line of " + describe()));
    }

    public String describe() {
        String kind = switch (type) {
            case PRODUCTION -> "Invoice";
            case CREDIT_NOTE -> "Credit note";
            case PROPOSAL -> "Proposal";
        };
        return kind + " " + (number != null ? number : id);
    }

    /**
     * Why this document is not one for accounting (SPEC §6), or empty: only production invoices and
     * credit notes in {@link InvoiceStatus#EXPORTED} are; never proposals, nor cancelled, rejected,
     * merged or not yet authorised ones. A 409 with this text refuses a single CSV.
     */
    public Optional<String> exportRefusal() {
        if (type == InvoiceType.PROPOSAL) {
            return Optional.of(describe() + " is a proposal: proposals are not exported to accounting");
        }
        if (!InvoiceStatus.EXPORTED.contains(status)) {
            return Optional.of(describe() + " is " + status + ": only invoices and credit notes from AUTHORISED on ("
                    + String.join(", ", InvoiceStatus.EXPORTED.stream().map(Enum::name).toList())
                    + ") are exported to accounting; never cancelled, rejected, merged or unauthorised ones");
        }
        return Optional.empty();
    }

    public boolean hasTaxes() {
        return lines.stream().anyMatch(l -> l.getKind() == LineKind.TAX);
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Money subtotal() { return Money.of(subtotal, currency()); }
    public Money taxTotal() { return Money.of(taxTotal, currency()); }
    public Money total() { return Money.of(total, currency()); }

    public Long getId() { return id; }
    public InvoiceType getType() { return type; }
    public InvoiceStatus getStatus() { return status; }
    public String getNumber() { return number; }
    public String getLaboratoryCode() { return laboratoryCode; }
    public String getClientCode() { return clientCode; }
    public String getJobNumber() { return jobNumber; }
    public List<InvoiceLine> getLines() { return List.copyOf(lines); }
    public LocalDate getInvoiceDate() { return invoiceDate; }
    public LocalDate getDueDate() { return dueDate; }
    public Long getOriginalInvoiceId() { return originalInvoiceId; }
    public Long getCreditNoteId() { return creditNoteId; }
    public Long getMergedIntoId() { return mergedIntoId; }
    public Long getProposalId() { return proposalId; }
    public Long getProductionInvoiceId() { return productionInvoiceId; }
    public String getTransmittedBy() { return transmittedBy; }
    public Instant getTransmittedAt() { return transmittedAt; }
    public Instant getCreatedAt() { return createdAt; }
}
