package com.billflow.surgicalcase;

import com.billflow.directory.Facility;
import com.billflow.directory.FacilityService;
import com.billflow.process.UserTasks;
import com.billflow.surgicalcase.process.CaseTimeline;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

import java.time.Clock;
import java.time.LocalDate;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.PROCESS_KEY;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_ADD_PURCHASE_ORDER;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_MARK_COMMISSION_PAID;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_MARK_INVOICE_PAID;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_SEND_INVOICE;

/**
 * What the Event Detail screen shows of a case. A button is offered exactly while its Camunda task
 * is open, so the Console offers what Tasklist offers; the service still decides when it is pressed.
 */
@Component
class EventDetailView {

    /** The "All Emails" choice that sends to every billing contact of the facility. */
    static final String ALL_CONTACTS = "ALL";

    private final FacilityService facilities;
    private final UserTasks userTasks;
    private final CaseTimeline timeline;
    private final SurgicalCaseInvoicing invoicing;
    private final SurgicalCaseService cases;
    private final Clock clock;

    EventDetailView(FacilityService facilities, UserTasks userTasks, CaseTimeline timeline, SurgicalCaseInvoicing invoicing,
                    SurgicalCaseService cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
        this.facilities = facilities;
        this.userTasks = userTasks;
        this.timeline = timeline;
        this.invoicing = invoicing;
    }

    @Transactional(readOnly = true)
    void fill(SurgicalCase c, Model model) {
        Facility facility = facilities.get(c.getFacilityCode());
        model.addAttribute("c", c);
        model.addAttribute("facility", facility);
        model.addAttribute("timeline", timeline.of(c));
        model.addAttribute("purchaseOrders", c.purchaseOrders());
        model.addAttribute("canAddPo", taskOpen(c, TASK_ADD_PURCHASE_ORDER));
        boolean canSend = taskOpen(c, TASK_SEND_INVOICE);
        model.addAttribute("canSendInvoice", canSend);
        boolean canPay = taskOpen(c, TASK_MARK_INVOICE_PAID);
        model.addAttribute("canMarkInvoicePaid", canPay);
        model.addAttribute("openAmount", c.isInvoiced() ? cases.openAmount(c.getId()) : null);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("canMarkCommissionPaid", taskOpen(c, TASK_MARK_COMMISSION_PAID));
        model.addAttribute("canCancel", c.getStatus() == SurgicalCaseStatus.PENDING_PO);
        model.addAttribute("invoiceFailure", timeline.invoiceFailure(c).orElse(null));
        model.addAttribute("emailFailure", timeline.emailFailure(c).orElse(null));
        model.addAttribute("generatingInvoice", c.getStatus() == SurgicalCaseStatus.PENDING_PAYMENT && !c.isInvoiced());
        model.addAttribute("mail", canSend ? invoicing.invoiceMail(c.getId()) : null);
        model.addAttribute("allContacts", ALL_CONTACTS);
    }

    private boolean taskOpen(SurgicalCase c, String taskKey) {
        return userTasks.open(PROCESS_KEY, c.getCaseNumber(), taskKey).isPresent();
    }
}
