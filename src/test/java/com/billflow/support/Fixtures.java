package com.billflow.support;

import com.billflow.common.AlreadyExistsException;
import com.billflow.directory.Address;
import com.billflow.directory.BankDetails;
import com.billflow.directory.PaymentReferenceRule;
import com.billflow.directory.BillingContact;
import com.billflow.directory.Client;
import com.billflow.directory.ClientRequest;
import com.billflow.directory.ClientService;
import com.billflow.directory.Facility;
import com.billflow.directory.FacilityRequest;
import com.billflow.directory.FacilityService;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryRequest;
import com.billflow.directory.LaboratoryService;
import com.billflow.directory.TaxMapping;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.LineKind;
import com.billflow.invoice.LineRequest;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.surgicalcase.SubmitCaseRequest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.context.TestComponent;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Makes the facilities, laboratories, clients, users and cases a test needs, each with fresh codes and names. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "secret-Pa55";
    private static final String CODE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FacilityService facilities;
    private final LaboratoryService laboratories;
    private final ClientService clients;
    private final SurgicalCaseService cases;
    private final IdentityService identity;

    private final InvoiceService invoices;
    private final InvoiceTasks invoiceTasks;
    private final ManagementService management;
    private final RuntimeService runtime;

    Fixtures(FacilityService facilities, LaboratoryService laboratories, ClientService clients, SurgicalCaseService cases,
             IdentityService identity, InvoiceService invoices, InvoiceTasks invoiceTasks, ManagementService management,
             RuntimeService runtime) {
        this.runtime = runtime;
        this.invoices = invoices;
        this.invoiceTasks = invoiceTasks;
        this.management = management;
        this.facilities = facilities;
        this.laboratories = laboratories;
        this.clients = clients;
        this.cases = cases;
        this.identity = identity;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A facility whose first billing contact is first@…, second second@…; reminders as given. */
    public Facility facility(boolean sendPoReminders) {
        String code = unique("F").toUpperCase();
        return facilities.create(new FacilityRequest(code, "Hospital " + code,
                new Address("1 Main Street", null, "Springfield", "IL", "62701", "United States"),
                List.of(new BillingContact("First Contact", "first@" + code.toLowerCase() + ".example"),
                        new BillingContact("Second Contact", "second@" + code.toLowerCase() + ".example")),
                sendPoReminders, 30));
    }

    /**
     * A new laboratory code of six characters ("L" and five random letters or digits): short enough
     * that the default patterns (code-INV-{YYYY}-{SEQ:5}, 21 characters) fit QuickBooks Online.
     */
    public static String laboratoryCode() {
        StringBuilder code = new StringBuilder("L");
        for (int i = 0; i < 5; i++) {
            code.append(CODE_CHARACTERS.charAt(RANDOM.nextInt(CODE_CHARACTERS.length())));
        }
        return code.toString();
    }

    /**
     * A EUR laboratory with 30 days' payment terms, mail from billing@(code).example, the default
     * numbering patterns (code-INV-{YYYY}-{SEQ:5} etc.) and mail templates, tax mappings for 20 % and 22 %
     * (Xero "20% (VAT on Income)", "22% (IVA)"; QuickBooks "20.0% S", "22.0% S"), and the automation flags as given.
     * A code already taken (the PostgreSQL test database keeps earlier runs' laboratories) is drawn again.
     */
    public Laboratory laboratory(boolean autoAuthorise, boolean autoTransmit, boolean autoBook, boolean autoBookCreditNotes) {
        for (int attempt = 0; ; attempt++) {
            String code = laboratoryCode();
            try {
                return laboratories.create(new LaboratoryRequest(code, "Laboratory " + code, "EUR", null, null, null,
                        "billing@" + code.toLowerCase() + ".example", null, null,
                        autoAuthorise, autoTransmit, autoBook, autoBookCreditNotes, 30,
                        List.of(new TaxMapping(new BigDecimal("20"), "20% (VAT on Income)", "20.0% S", "S"),
                                new TaxMapping(new BigDecimal("22"), "22% (IVA)", "22.0% S", "S")),
                        new Address("Hansaring 61", null, "Köln", null, "50670", "Germany"), "DE123456789",
                        new BankDetails("Laboratory " + code + " GmbH", "DE89370400440532013000", "COBADEFFXXX", null, null),
                        PaymentReferenceRule.INVOICE_NUMBER));
            } catch (AlreadyExistsException taken) {
                if (attempt >= 10) {
                    throw taken;
                }
            }
        }
    }

    /** A client whose invoice contact is invoices@(code).example, transmitted as given. */
    public Client client(TransmitBy transmitBy) {
        String code = unique("C").toUpperCase();
        return clients.create(new ClientRequest(code, "Client " + code,
                new Address("2 Harbour Road", null, "Rotterdam", null, "3011 AA", "Netherlands"),
                "invoices@" + code.toLowerCase() + ".example", transmitBy, "NL859048535B01"));
    }

    /** A Camunda user in the given groups, password {@link #PASSWORD}. */
    public String user(String... groups) {
        String id = unique("u");
        User user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }

    /** A user of office-manager ({@link #PASSWORD}) who manages the given laboratories: a member of their Camunda tenants. */
    public String officeManagerOf(Laboratory... labs) {
        String id = user(Groups.OFFICE_MANAGER);
        for (Laboratory lab : labs) {
            manages(id, lab);
        }
        return id;
    }

    /** Puts the user into the laboratory's tenant, as an administrator does in Camunda Admin. */
    public void manages(String userId, Laboratory lab) {
        identity.createTenantUserMembership(lab.getCode(), userId);
    }

    public Caller caller(String userId) {
        return new Caller(userId, identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList());
    }

    /** An INITIAL invoice of one 123.45 sample line; answers its id. */
    public Long newInvoice(Laboratory lab, Client client) {
        Invoice invoice = invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), unique("JOB-"), null, null), "fixtures");
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.SAMPLE_TEST, "Water analysis", BigDecimal.ONE, new BigDecimal("123.45"), null), "fixtures");
        return invoice.getId();
    }

    /** {@link #newInvoice} walked to TRANSMITTED as an administrator; answers its id. */
    public Long transmittedInvoice(Laboratory lab, Client client) {
        Caller admin = new Caller("fixtures", List.of(Groups.ADMIN));
        Invoice invoice = invoices.get(newInvoice(lab, client));
        for (String action : List.of("draft", "release", "authorise", "transmit")) {
            invoiceTasks.perform(invoice.getId(), InvoiceAction.fromPath(action), null, admin);
        }
        String processInstanceId = runtime.createProcessInstanceQuery().variableValueEquals("invoiceId", invoice.getId()).singleResult().getId();
        management.createJobQuery().processInstanceId(processInstanceId).list().forEach(job -> management.executeJob(job.getId()));
        return invoice.getId();
    }

    public String invoiceStatus(Long invoiceId) {
        return invoices.get(invoiceId).getStatus().name();
    }

    public static List<SubmitCaseRequest.Line> twoManufacturerLines() {
        return List.of(
                new SubmitCaseRequest.Line("Acme Ortho", "AC-100", "LOT-1", "SN-1", "Femoral stem", new BigDecimal("1"), new BigDecimal("1000.00")),
                new SubmitCaseRequest.Line("Acme Ortho", "AC-200", "LOT-2", null, "Cement", new BigDecimal("1.5"), new BigDecimal("45.25")),
                new SubmitCaseRequest.Line("Zimmer", "ZM-300", null, "SN-3", "Tibial insert", new BigDecimal("1"), new BigDecimal("520.50")));
    }

    public static SubmitCaseRequest request(String facilityCode, String rep, LocalDate procedureDate) {
        return new SubmitCaseRequest(facilityCode, "Dr. Test", "Total knee arthroplasty", procedureDate, rep, "PT-42A", "USD",
                twoManufacturerLines());
    }

    /** A case of a new rep at a new facility, submitted by that rep. */
    public SurgicalCase submittedCase(boolean sendPoReminders) {
        Facility facility = facility(sendPoReminders);
        String rep = user(Groups.SALES_REP);
        return cases.submit(request(facility.getCode(), rep, LocalDate.now().minusDays(3)), caller(rep));
    }
}
