package com.billflow.demo;

import com.billflow.directory.Address;
import com.billflow.directory.BillingContact;
import com.billflow.directory.FacilityRequest;
import com.billflow.directory.FacilityService;
import com.billflow.payment.PaymentInput;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.surgicalcase.InvoiceEmail;
import com.billflow.surgicalcase.SubmitCaseRequest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.billflow.surgicalcase.process.SurgicalCaseTasks;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Seeds demo facilities and walks demo cases through the real process into every status, once:
 * when the database has no facility yet. Runs only with {@code billflow.demo.enabled=true}, started by
 * {@link DemoSeeding} beside the laboratory demo data.
 */
@Component
@ConditionalOnProperty(name = "billflow.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Caller DEMO = new Caller("demo", Groups.ALL);

    private final FacilityService facilities;
    private final SurgicalCaseService cases;
    private final SurgicalCaseTasks tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Clock clock;

    DemoData(FacilityService facilities, SurgicalCaseService cases, SurgicalCaseTasks tasks, RuntimeService runtime,
             ManagementService management, Clock clock) {
        this.facilities = facilities;
        this.cases = cases;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    /** Seeds the facilities and the surgical cases unless a facility exists. */
    void seed() {
        if (!facilities.all().isEmpty()) {
            return;
        }
        seedFacilities();
        LocalDate today = LocalDate.now(clock);
        // Pending PO: the dashboard's panel, oldest first.
        submit("SFMC", "Dr. Amelia Chen", "Total knee arthroplasty", today.minusDays(12), "PT-1001", kneeLines());
        submit("NORTHGEN", "Dr. Omar Haddad", "Lumbar spinal fusion L4-L5", today.minusDays(9), "PT-1002", spineLines());
        submit("BAYSURG", "Dr. Lena Ortiz", "ACL reconstruction", today.minusDays(4), "PT-1003", aclLines());
        submit("SFMC", "Dr. Amelia Chen", "Total hip arthroplasty", today.minusDays(2), "PT-1004", hipLines());
        // Pending payment, invoice waiting to be sent.
        SurgicalCase toSend = submit("NORTHGEN", "Dr. Priya Nair", "Cervical disc replacement", today.minusDays(20), "PT-1005", spineLines());
        tasks.addPurchaseOrders(toSend.getId(), "NG-PO-55120", null, DEMO);
        runJobs(toSend);
        // Pending payment, invoice emailed, payments open.
        SurgicalCase sent = submit("SFMC", "Dr. Amelia Chen", "Total knee arthroplasty", today.minusDays(25), "PT-1006", kneeLines());
        tasks.addPurchaseOrders(sent.getId(), null, Map.of("Zimmer Biomet", "SF-88121", "Stryker", "SF-88122"), DEMO);
        runJobs(sent);
        tasks.emailInvoice(sent.getId(), new InvoiceEmail(null, false, null, null, null), DEMO);
        runJobs(sent);
        // Partly paid: half of the invoice came in; Mark Invoice Paid waits for the rest.
        tasks.markInvoicePaid(sent.getId(), new PaymentInput(today.minusDays(2),
                sent.total().amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN), "First instalment", null), DEMO);
        // Paid.
        SurgicalCase paid = submit("BAYSURG", "Dr. Lena Ortiz", "Meniscus repair", today.minusDays(40), "PT-1007", aclLines());
        tasks.addPurchaseOrders(paid.getId(), "BSC-7781", null, DEMO);
        runJobs(paid);
        tasks.emailInvoice(paid.getId(), new InvoiceEmail(null, false, null, null, null), DEMO);
        runJobs(paid);
        // Paid: the facility's transfer and the rep's 5 % commission for the month of the procedure.
        tasks.markPaid(paid.getId(), new PaymentInput(today.minusDays(3), null, "BSC remittance 7781", null),
                new PaymentInput(today.minusDays(1), paid.total().amount().multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP),
                        "Commission run " + YearMonth.from(paid.getProcedureDate()), YearMonth.from(paid.getProcedureDate()).toString()), DEMO);
        // Cancelled before invoicing.
        SurgicalCase cancelled = submit("NORTHGEN", "Dr. Omar Haddad", "Revision hip arthroplasty", today.minusDays(15), "PT-1008", hipLines());
        cases.cancel(cancelled.getId());
        LOG.info("Demo data seeded: 3 facilities, 8 surgical cases in every status");
    }

    private SurgicalCase submit(String facility, String surgeon, String procedure, LocalDate date, String patientRef,
                                List<SubmitCaseRequest.Line> lines) {
        return cases.submit(new SubmitCaseRequest(facility, surgeon, procedure, date, "rep", patientRef, "USD", lines), DEMO);
    }

    /** Runs the case's due async steps now instead of waiting for the job executor. */
    private void runJobs(SurgicalCase surgicalCase) {
        String processInstanceId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(surgicalCase.getCaseNumber()).singleResult().getId();
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
            management.executeJob(job.getId());
        }
    }

    private void seedFacilities() {
        facilities.create(new FacilityRequest("SFMC", "St. Francis Medical Center",
                new Address("900 Hyde Street", "Accounts Payable, 3rd floor", "San Francisco", "CA", "94109", "United States"),
                List.of(new BillingContact("Maria Lopez", "ap@stfrancis.example"), new BillingContact("Tom Becker", "purchasing@stfrancis.example")),
                true, 30));
        facilities.create(new FacilityRequest("BAYSURG", "Bay Surgery Center",
                new Address("45 Embarcadero Road", null, "Palo Alto", "CA", "94301", "United States"),
                List.of(new BillingContact("Kim Nguyen", "billing@baysurgery.example")), false, 45));
        facilities.create(new FacilityRequest("NORTHGEN", "Northgate General Hospital",
                new Address("1200 Northgate Blvd", null, "Sacramento", "CA", "95834", "United States"),
                List.of(new BillingContact("Accounts Payable", "ap@northgate.example"),
                        new BillingContact("Sam Patel", "sam.patel@northgate.example"),
                        new BillingContact("OR Supply Chain", "or-supply@northgate.example")), true, 30));
    }

    private static SubmitCaseRequest.Line line(String manufacturer, String part, String lot, String serial, String description,
                                                String quantity, String unitPrice) {
        return new SubmitCaseRequest.Line(manufacturer, part, lot, serial, description, new BigDecimal(quantity), new BigDecimal(unitPrice));
    }

    private static List<SubmitCaseRequest.Line> kneeLines() {
        return List.of(line("Zimmer Biomet", "ZB-42-5010", "L2291", "SN-884120", "Persona femoral component, size 7", "1", "3450.00"),
                line("Zimmer Biomet", "ZB-42-5302", "L2307", null, "Persona tibial insert, 10 mm", "1", "1180.00"),
                line("Stryker", "ST-6541-4", "K11873", null, "Bone cement, 40 g", "2", "145.50"));
    }

    private static List<SubmitCaseRequest.Line> spineLines() {
        return List.of(line("Medtronic", "MDT-CD-5560", "M55102", "SN-55102-7", "Pedicle screw system, 6.5 x 45 mm", "4", "812.25"),
                line("Medtronic", "MDT-RD-0550", "M55187", null, "Titanium rod, 5.5 x 80 mm", "2", "340.00"),
                line("DePuy Synthes", "DS-08.802", "D90012", null, "Interbody cage, 10 mm", "1", "2150.00"));
    }

    private static List<SubmitCaseRequest.Line> aclLines() {
        return List.of(line("Arthrex", "AR-1934", "A77120", null, "FiberTag TightRope", "1", "895.00"),
                line("Arthrex", "AR-5025", "A77144", null, "Bio-Interference screw, 8 x 23 mm", "2", "310.00"));
    }

    private static List<SubmitCaseRequest.Line> hipLines() {
        return List.of(line("Stryker", "ST-6260-9", "K20331", "SN-20331-1", "Accolade II femoral stem, size 4", "1", "2890.00"),
                line("Stryker", "ST-6260-5", "K20355", null, "Trident acetabular shell, 54 mm", "1", "1675.00"),
                line("Smith+Nephew", "SN-7133-2", "S31008", null, "Ceramic femoral head, 36 mm", "1", "985.00"));
    }
}
