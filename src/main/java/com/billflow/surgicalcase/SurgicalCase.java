package com.billflow.surgicalcase;

import com.billflow.common.IllegalStatusException;
import com.billflow.money.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.billflow.surgicalcase.SurgicalCaseStatus.CANCELLED;
import static com.billflow.surgicalcase.SurgicalCaseStatus.PAID;
import static com.billflow.surgicalcase.SurgicalCaseStatus.PENDING_PAYMENT;
import static com.billflow.surgicalcase.SurgicalCaseStatus.PENDING_PO;

/**
 * A surgical case ("event") billed to a facility. It owns its status: every move goes through a
 * method here that refuses it, naming the current status, when the case is not in the right one.
 */
@Entity
@Table(name = "surgical_case")
@EntityListeners(CaseChanges.OnCaseUpdate.class)
public class SurgicalCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String caseNumber;
    @Enumerated(EnumType.STRING)
    private SurgicalCaseStatus status;
    private String facilityCode;
    private String surgeon;
    private String procedureName;
    private LocalDate procedureDate;
    private String rep;
    /** An anonymous id from the rep's system: a patient's name is never stored. */
    private String patientRef;
    private String currency;
    private BigDecimal total;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "case_id", nullable = false)
    @OrderColumn(name = "position", nullable = false)
    private List<SurgicalCaseLine> lines = new ArrayList<>();

    private String poAllManufacturers;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "surgical_case_po", joinColumns = @JoinColumn(name = "case_id"))
    @MapKeyColumn(name = "manufacturer")
    @Column(name = "po_number")
    private Map<String, String> poByManufacturer = new LinkedHashMap<>();

    private String invoiceNumber;
    private LocalDate invoiceDate;
    private LocalDate dueDate;
    private Instant invoiceSentAt;
    @Enumerated(EnumType.STRING)
    private SendMethod invoiceSentBy;
    private boolean invoicePaid;
    private Instant invoicePaidAt;
    private boolean commissionPaid;
    private Instant commissionPaidAt;
    private Instant submittedAt;
    private Instant cancelledAt;

    @Version
    private long version;

    protected SurgicalCase() {
    }

    SurgicalCase(String caseNumber, String facilityCode, String surgeon, String procedureName, LocalDate procedureDate,
                 String rep, String patientRef, Currency currency, List<SurgicalCaseLine> lines, Instant submittedAt) {
        this.caseNumber = caseNumber;
        this.status = PENDING_PO;
        this.facilityCode = facilityCode;
        this.surgeon = surgeon;
        this.procedureName = procedureName;
        this.procedureDate = procedureDate;
        this.rep = rep;
        this.patientRef = patientRef;
        this.currency = currency.getCurrencyCode();
        this.lines.addAll(lines);
        this.total = lines.stream().map(l -> l.amount(currency)).reduce(Money.zero(currency), Money::plus).amount();
        this.submittedAt = submittedAt;
    }

    /** "Complete Event": the PO is in, the case waits for payment. */
    public void recordPurchaseOrders(PurchaseOrders purchaseOrders) {
        requireStatus("add purchase orders", PENDING_PO);
        this.poAllManufacturers = purchaseOrders.allManufacturers();
        this.poByManufacturer.clear();
        this.poByManufacturer.putAll(purchaseOrders.byManufacturer());
        this.status = PENDING_PAYMENT;
    }

    public void issueInvoice(String number, LocalDate invoiceDate, int paymentTermsDays) {
        requireStatus("generate the invoice", PENDING_PAYMENT);
        if (isInvoiced()) {
            throw new IllegalStatusException("Case " + caseNumber + " is " + status + " and already has invoice " + invoiceNumber);
        }
        this.invoiceNumber = number;
        this.invoiceDate = invoiceDate;
        this.dueDate = invoiceDate.plusDays(paymentTermsDays);
    }

    public void recordInvoiceSent(SendMethod method, Instant sentAt) {
        requireInvoiced("send the invoice");
        this.invoiceSentBy = method;
        this.invoiceSentAt = sentAt;
    }

    /** Refuses (409) a payment of the invoice unless it is issued and not yet paid in full. */
    public void checkInvoicePayable() {
        requireInvoiced("mark the invoice paid");
        if (invoicePaid) {
            throw new IllegalStatusException("Case " + caseNumber + " is " + status + " and its invoice is already marked paid");
        }
    }

    /** Refuses (409) a commission payment unless the case is invoiced and its commission not yet paid. */
    public void checkCommissionPayable() {
        requireInvoiced("mark the commission paid");
        if (commissionPaid) {
            throw new IllegalStatusException("Case " + caseNumber + " is " + status + " and its commission is already marked paid");
        }
    }

    /** The invoice is paid in full (payments reached its total); with the commission paid too the case is PAID. */
    public void markInvoicePaid(Instant paidAt) {
        checkInvoicePayable();
        this.invoicePaid = true;
        this.invoicePaidAt = paidAt;
        settleIfBothPaid();
    }

    public void markCommissionPaid(Instant paidAt) {
        checkCommissionPayable();
        this.commissionPaid = true;
        this.commissionPaidAt = paidAt;
        settleIfBothPaid();
    }

    /** Withdraws the case; only before its invoice exists, afterwards a credit is needed instead. */
    public void cancel(Instant at) {
        requireStatus("cancel", PENDING_PO);
        this.status = CANCELLED;
        this.cancelledAt = at;
    }

    private void settleIfBothPaid() {
        if (invoicePaid && commissionPaid) {
            status = PAID;
        }
    }

    private void requireInvoiced(String action) {
        requireStatus(action, PENDING_PAYMENT);
        if (!isInvoiced()) {
            throw new IllegalStatusException("Case " + caseNumber + " is PENDING_PAYMENT but its invoice is not generated yet: cannot " + action);
        }
    }

    private void requireStatus(String action, SurgicalCaseStatus required) {
        if (status != required) {
            throw new IllegalStatusException("Case " + caseNumber + " is " + status + ": cannot " + action
                    + " (only while " + required + "). " + whatIsAllowed());
        }
    }

    /** The allowed actions in words, for 409 messages. */
    public String whatIsAllowed() {
        return switch (status) {
            case PENDING_PO -> "Allowed now: add purchase orders, cancel.";
            case PENDING_PAYMENT -> isInvoiced()
                    ? "Allowed now: send the invoice, mark invoice paid, mark commission paid."
                    : "The invoice is being generated.";
            case PAID, CANCELLED -> "No action is allowed: the case is final.";
        };
    }

    public List<String> manufacturers() {
        return lines.stream().map(SurgicalCaseLine::getManufacturer).distinct().toList();
    }

    public PurchaseOrders purchaseOrders() {
        if (poAllManufacturers == null && poByManufacturer.isEmpty()) {
            return null;
        }
        return new PurchaseOrders(poAllManufacturers, poByManufacturer);
    }

    public boolean isInvoiced() {
        return invoiceNumber != null;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Money total() {
        return Money.of(total, currency());
    }

    public Long getId() { return id; }
    public String getCaseNumber() { return caseNumber; }
    public SurgicalCaseStatus getStatus() { return status; }
    public String getFacilityCode() { return facilityCode; }
    public String getSurgeon() { return surgeon; }
    public String getProcedureName() { return procedureName; }
    public LocalDate getProcedureDate() { return procedureDate; }
    public String getRep() { return rep; }
    public String getPatientRef() { return patientRef; }
    public List<SurgicalCaseLine> getLines() { return List.copyOf(lines); }
    public String getInvoiceNumber() { return invoiceNumber; }
    public LocalDate getInvoiceDate() { return invoiceDate; }
    public LocalDate getDueDate() { return dueDate; }
    public Instant getInvoiceSentAt() { return invoiceSentAt; }
    public SendMethod getInvoiceSentBy() { return invoiceSentBy; }
    public boolean isInvoicePaid() { return invoicePaid; }
    public boolean isCommissionPaid() { return commissionPaid; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getCancelledAt() { return cancelledAt; }
}
