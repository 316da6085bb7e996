package com.billflow.surgicalcase;

import com.billflow.BillflowProperties;
import com.billflow.directory.BillingContact;
import com.billflow.directory.Facility;
import com.billflow.directory.FacilityService;
import com.billflow.document.email.MailService;
import com.billflow.document.email.OutgoingMail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The weekly "PO still missing" mail to the facility's first billing contact. */
@Service("poReminders")
public class PoReminders {

    private final SurgicalCaseService cases;
    private final FacilityService facilities;
    private final MailService mail;
    private final BillflowProperties properties;
    private final Clock clock;

    PoReminders(SurgicalCaseService cases, FacilityService facilities, MailService mail, BillflowProperties properties, Clock clock) {
        this.cases = cases;
        this.facilities = facilities;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether a reminder is due now: the case still waits for its PO and the facility wants reminders. */
    @Transactional(readOnly = true)
    public boolean wanted(Long caseId) {
        SurgicalCase surgicalCase = cases.get(caseId);
        Facility facility = facilities.get(surgicalCase.getFacilityCode());
        return surgicalCase.getStatus() == SurgicalCaseStatus.PENDING_PO
                && facility.isSendPoReminders() && facility.firstBillingContact().isPresent();
    }

    /**
     * When the next reminder is due after {@code now}: every 7 days after the case was submitted
     * (the process's "Every 7 days without PO" timer), whether or not the facility wants the mail.
     */
    public Instant nextReminderAt(SurgicalCase surgicalCase, Instant now) {
        long weeksPassed = Math.max(0, Duration.between(surgicalCase.getSubmittedAt(), now).toDays() / 7);
        return surgicalCase.getSubmittedAt().plus(Duration.ofDays(7 * (weeksPassed + 1)));
    }

    /** Sends this week's reminder; a retry in the same week does not send it twice. */
    @Transactional(readOnly = true)
    public void send(Long caseId) {
        SurgicalCase surgicalCase = cases.get(caseId);
        Facility facility = facilities.get(surgicalCase.getFacilityCode());
        BillingContact contact = facility.firstBillingContact().orElseThrow(() -> new IllegalStateException(
                "Facility " + facility.getCode() + " has no billing contact to remind"));
        long week = Duration.between(surgicalCase.getSubmittedAt(), Instant.now(clock)).toDays() / 7;
        String subject = "Purchase order needed for case " + surgicalCase.getCaseNumber()
                + " (" + surgicalCase.getProcedureName() + " on " + surgicalCase.getProcedureDate() + ")";
        String body = "Dear " + contact.name() + ",\n\n"
                + "we are still waiting for the purchase order number for the " + surgicalCase.getProcedureName()
                + " performed by " + surgicalCase.getSurgeon() + " on " + surgicalCase.getProcedureDate()
                + " (case " + surgicalCase.getCaseNumber() + ", " + surgicalCase.total() + ", manufacturers: "
                + String.join(", ", surgicalCase.manufacturers()) + ").\n"
                + "Please reply with the PO number so that we can invoice the case.\n\n"
                + "Kind regards,\n" + properties.seller().name();
        mail.sendOnce(new OutgoingMail("po-reminder:" + caseId + ":week-" + week, properties.mail().from(),
                List.of(contact.email()), properties.mail().replyTo(), subject, body, List.of()));
    }
}
