package com.billflow.surgicalcase;

import com.billflow.BillflowProperties;
import com.billflow.common.InvalidInputException;
import com.billflow.common.NotFoundException;
import com.billflow.directory.Facility;
import com.billflow.directory.FacilityService;
import com.billflow.money.Currencies;
import com.billflow.money.Money;
import com.billflow.numbering.NumberAllocator;
import com.billflow.numbering.NumberPattern;
import com.billflow.payment.Payment;
import com.billflow.payment.PaymentInput;
import com.billflow.payment.PaymentSubject;
import com.billflow.payment.Payments;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.surgicalcase.process.SurgicalCaseWorkflow;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Submitting cases and every status change of a case. Invoicing lives in {@link SurgicalCaseInvoicing}. */
@Service
public class SurgicalCaseService {

    private final SurgicalCaseRepository cases;
    private final FacilityService facilities;
    private final NumberAllocator numbers;
    private final SurgicalCaseWorkflow process;
    private final PendingPurchaseOrderSummary pendingSummary;
    private final IdentityService identity;
    private final BillflowProperties properties;
    private final Clock clock;
    private final Payments payments;
    private final CaseChanges changes;
    private final CaseFigures figures;

    SurgicalCaseService(CaseFigures figures, Payments payments, SurgicalCaseRepository cases, FacilityService facilities, NumberAllocator numbers,
                        SurgicalCaseWorkflow process, PendingPurchaseOrderSummary pendingSummary, IdentityService identity,
                        BillflowProperties properties, Clock clock, CaseChanges changes) {
        this.changes = changes;
        this.figures = figures;
        this.payments = payments;
        this.cases = cases;
        this.pendingSummary = pendingSummary;
        this.facilities = facilities;
        this.numbers = numbers;
        this.process = process;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
    }

    /** Saves the case as PENDING_PO, counts it in the pending PO summary and starts its billing process, in one transaction. */
    @Transactional
    public SurgicalCase submit(SubmitCaseRequest request, Caller caller) {
        String rep = repFor(request.rep(), caller);
        Facility facility = facilities.getReferenced(request.facilityCode());
        Currency currency = currencyOf(request.currency());
        List<SurgicalCaseLine> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            SubmitCaseRequest.Line line = request.lines().get(i);
            lines.add(new SurgicalCaseLine(line.manufacturer().strip(), line.partNumber().strip(), blankToNull(line.lotNumber()),
                    blankToNull(line.serialNumber()), line.description().strip(), line.quantity(), unitPrice(i, line.unitPrice(), currency)));
        }
        LocalDate today = LocalDate.now(clock);
        // unique, not gap-free: a sequence, so no lock is held while the process starts
        String caseNumber = numbers.nextUnordered("surgical-case", new NumberPattern(properties.surgicalCase().caseNumberPattern()), today);
        SurgicalCase surgicalCase = cases.save(new SurgicalCase(caseNumber, facility.getCode(), request.surgeon().strip(),
                request.procedure().strip(), request.procedureDate(), rep, request.patientRef(), currency, lines, Instant.now(clock)));
        pendingSummary.entered(surgicalCase);
        figures.changed(Set.of(), surgicalCase);
        process.start(surgicalCase);
        return surgicalCase;
    }

    /**
     * The code of the facility that {@code nameOrCode} names (its code or its name, any case), for
     * forms where a user types the facility; any other text comes back stripped, for
     * {@link #submit} to refuse as an unknown facility. Null for a blank text.
     */
    @Transactional(readOnly = true)
    public String facilityCodeOf(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return null;
        }
        String wanted = nameOrCode.strip();
        return facilities.all().stream()
                .filter(f -> f.getCode().equalsIgnoreCase(wanted) || f.getName().equalsIgnoreCase(wanted))
                .map(Facility::getCode).findFirst().orElse(wanted);
    }

    @Transactional(readOnly = true)
    public SurgicalCase get(Long id) {
        return cases.findById(id).orElseThrow(() -> NotFoundException.of("Surgical case", id));
    }

    /** As {@link #get}, refusing a sales rep who asks for another rep's case. */
    @Transactional(readOnly = true)
    public SurgicalCase getFor(Long id, Caller caller) {
        SurgicalCase surgicalCase = get(id);
        if (!caller.isIn(Groups.BILLING, Groups.ADMIN) && !surgicalCase.getRep().equals(caller.userId())) {
            throw new AccessDeniedException("Case " + surgicalCase.getCaseNumber() + " belongs to another rep");
        }
        return surgicalCase;
    }

    /** "Complete Event": checks the POs against the case's manufacturers and moves it to PENDING_PAYMENT. */
    @Transactional
    public SurgicalCase recordPurchaseOrders(Long id, String forAllManufacturers, Map<String, String> byManufacturer) {
        SurgicalCase surgicalCase = get(id);
        Set<CaseFigures.Key> before = figures.snapshot(surgicalCase);
        surgicalCase.recordPurchaseOrders(PurchaseOrders.of(forAllManufacturers, byManufacturer, surgicalCase.manufacturers()));
        pendingSummary.left(surgicalCase);
        figures.changed(before, surgicalCase);
        return surgicalCase;
    }

    @Transactional
    public SurgicalCase cancel(Long id) {
        SurgicalCase surgicalCase = get(id);
        Set<CaseFigures.Key> before = figures.snapshot(surgicalCase);
        surgicalCase.cancel(Instant.now(clock));
        pendingSummary.left(surgicalCase);
        figures.changed(before, surgicalCase);
        process.cancel(surgicalCase);
        return surgicalCase;
    }

    @Transactional
    public void recordInvoiceSentManually(Long id) {
        get(id).recordInvoiceSent(SendMethod.MANUAL, Instant.now(clock));
    }

    /**
     * Records a payment of the case's invoice (defaults: today, the open amount); the invoice counts as
     * paid once payments reach its total. Refused (409) before the invoice exists or once it is paid;
     * (400) for an amount above the open amount, of zero or less, or a date in the future.
     */
    @Transactional
    public Payment recordInvoicePayment(Long id, PaymentInput input, String actor) {
        SurgicalCase surgicalCase = get(id);
        surgicalCase.checkInvoicePayable();
        Payment payment = payments.towards(PaymentSubject.CASE_INVOICE, id, surgicalCase.total(), input, actor);
        changes.changed(id); // a part payment leaves the case's row as it was, but not its JSON
        if (payment.settles()) {
            Set<CaseFigures.Key> before = figures.snapshot(surgicalCase);
            surgicalCase.markInvoicePaid(Instant.now(clock));
            figures.changed(before, surgicalCase);
        }
        return payment;
    }

    /** Records the rep's commission as paid: amount required, period default the payment date's month (400 otherwise). */
    @Transactional
    public Payment recordCommissionPayment(Long id, PaymentInput input, String actor) {
        SurgicalCase surgicalCase = get(id);
        surgicalCase.checkCommissionPayable();
        Payment payment = payments.standalone(PaymentSubject.CASE_COMMISSION, id, surgicalCase.currency(), input, actor);
        Set<CaseFigures.Key> before = figures.snapshot(surgicalCase);
        surgicalCase.markCommissionPaid(Instant.now(clock));
        figures.changed(before, surgicalCase);
        return payment;
    }

    /** The invoice's payments, then the commission's, each oldest first. */
    @Transactional(readOnly = true)
    public List<Payment> payments(Long id) {
        return payments.ofBoth(PaymentSubject.CASE_INVOICE, PaymentSubject.CASE_COMMISSION, id).values().stream().flatMap(List::stream).toList();
    }

    /**
     * The case as the API answers it, with its payments (the invoice's, then the commission's) and what
     * is open of the invoice, read in one transaction and one payment query (clients poll this while a job works).
     */
    @Transactional(readOnly = true)
    public SurgicalCaseJson json(SurgicalCase surgicalCase) {
        Map<PaymentSubject, List<Payment>> bySubject = payments.ofBoth(PaymentSubject.CASE_INVOICE, PaymentSubject.CASE_COMMISSION,
                surgicalCase.getId());
        List<Payment> invoicePayments = bySubject.get(PaymentSubject.CASE_INVOICE);
        List<Payment> all = new ArrayList<>(invoicePayments);
        all.addAll(bySubject.get(PaymentSubject.CASE_COMMISSION));
        return SurgicalCaseJson.of(surgicalCase, all, Payments.openOf(surgicalCase.total(), invoicePayments));
    }

    /** As {@link #json}, for the case {@code id} as {@link #getFor} reads it (404, or 403 for another rep's case). */
    @Transactional(readOnly = true)
    public SurgicalCaseJson jsonFor(Long id, Caller caller) {
        return json(getFor(id, caller));
    }

    /** What is still open of the case's invoice. */
    @Transactional(readOnly = true)
    public Money openAmount(Long id) {
        return payments.open(PaymentSubject.CASE_INVOICE, id, get(id).total());
    }

    private String repFor(String requestedRep, Caller caller) {
        String rep = blankToNull(requestedRep);
        if (!caller.isIn(Groups.BILLING, Groups.ADMIN)) {
            if (rep != null && !rep.equals(caller.userId())) {
                throw new AccessDeniedException("A sales rep submits only their own cases: rep must be '" + caller.userId() + "' or left out");
            }
            rep = caller.userId();
        }
        if (rep == null) {
            throw new InvalidInputException("rep is required: the user name of the sales rep who ran the case");
        }
        if (identity.createUserQuery().userId(rep).memberOfGroup(Groups.SALES_REP).count() == 0) {
            throw new InvalidInputException("rep '" + rep + "' is not a user of group " + Groups.SALES_REP);
        }
        return rep;
    }

    /** A unit price finer than the currency's minor unit could not be printed as it is charged. */
    private static Money unitPrice(int index, BigDecimal price, Currency currency) {
        if (price.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new InvalidInputException("lines[" + index + "].unitPrice " + price.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
        return Money.of(price, currency);
    }

    private Currency currencyOf(String code) {
        String currencyCode = code == null ? properties.defaultCurrency() : code;
        return Currencies.inCirculation(currencyCode).orElseThrow(() ->
                new InvalidInputException("currency '" + currencyCode + "' is not an ISO 4217 currency code in circulation"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
