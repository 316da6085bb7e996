package com.billflow.demo;

import com.billflow.directory.Address;
import com.billflow.directory.BankDetails;
import com.billflow.directory.PaymentReferenceRule;
import com.billflow.directory.ClientRequest;
import com.billflow.directory.ClientService;
import com.billflow.directory.EInvoiceDelivery;
import com.billflow.directory.EInvoiceSettings;
import com.billflow.directory.LaboratoryRequest;
import com.billflow.directory.LaboratoryService;
import com.billflow.directory.TaxMapping;
import com.billflow.directory.TransmitBy;
import com.billflow.document.einvoice.EInvoiceFormat;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.LineRequest;
import com.billflow.security.LaboratoryTenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

import static com.billflow.demo.DemoInvoices.cost;
import static com.billflow.demo.DemoInvoices.percent;
import static com.billflow.demo.DemoInvoices.sampleTest;
import static com.billflow.invoice.InvoiceAction.*;
import static com.billflow.invoice.LineKind.DISCOUNT;
import static com.billflow.invoice.LineKind.REBATE;
import static com.billflow.invoice.LineKind.SURCHARGE;
import static com.billflow.invoice.LineKind.TAX;

/**
 * Seeds demo laboratories and clients and walks laboratory invoices through the real processes
 * into every status, with an instance waiting at every user task, once: when the database has no
 * laboratory yet. Runs only with {@code billflow.demo.enabled=true}, started by {@link DemoSeeding} beside the
 * surgical demo data.
 * On every start, also on a database seeded before laboratories had tenants, {@code office}
 * manages ALPHA and BETA and {@code office-beta} manages BETA only (Camunda tenant memberships).
 */
@Component
@ConditionalOnProperty(name = "billflow.demo.enabled", havingValue = "true")
class LaboratoryDemoData {

    private static final Logger LOG = LoggerFactory.getLogger(LaboratoryDemoData.class);
    /** No automation: every step waits for the office manager. */
    private static final String ALPHA = "ALPHA";
    /** Authorises, transmits and books by itself, credit notes too. */
    private static final String BETA = "BETA";
    private static final String RHEINWASSER = "RHEINWASSER";
    private static final String LYONAGRI = "LYONAGRI";
    private static final String PORTRDAM = "PORTRDAM";
    private static final String NORDSEE = "NORDSEE";
    /** On the e-invoice channel: Peppol BIS UBL to the outbox, UBL and Factur-X by mail. */
    private static final String HANSELAB = "HANSELAB";

    private final LaboratoryService laboratories;
    private final ClientService clients;
    private final DemoInvoices demo;
    private final LaboratoryTenants tenants;

    LaboratoryDemoData(LaboratoryService laboratories, ClientService clients, DemoInvoices demo, LaboratoryTenants tenants) {
        this.tenants = tenants;
        this.laboratories = laboratories;
        this.clients = clients;
        this.demo = demo;
    }

    /**
     * Seeds laboratories and clients unless a laboratory exists, and grants the demo office managers their laboratories
     * (on every start). Answers whether the documents are still to be seeded: true only when no laboratory existed.
     */
    boolean seedDirectory() {
        boolean seeded = !laboratories.all().isEmpty();
        if (!seeded) {
            seedLaboratories();
            seedClients();
        }
        manages(DemoInvoices.OFFICE.userId(), ALPHA, BETA);
        manages("office-beta", BETA);
        return !seeded;
    }

    /**
     * The two invoices waiting at Authorise Invoice, seeded before any other document reaches that task, so the oldest
     * tasks of "Invoices to authorise" are these invoices (e2e/invoice-authorise.test.mjs authorises the oldest), not a
     * proposal or the credit note further down.
     */
    void seedAuthoriseQueueHead() {
        demo.act(demo.create(ALPHA, RHEINWASSER, "J-24-0311", waterLines()), DRAFT, RELEASE);
        demo.act(demo.create(ALPHA, PORTRDAM, "J-24-0317", soilLines()), DRAFT, RELEASE);
    }

    /** ALPHA's other production invoices, at every task and in every ending; after {@link #seedAuthoriseQueueHead}. */
    void seedInvoices() {
        // Prepare Invoice, with a cost estimate for the client.
        demo.estimate(demo.create(ALPHA, LYONAGRI, "J-24-0342", foodLines()));
        // Review Invoice: a fresh draft, an edited one, and one merged from three jobs of one client.
        demo.act(demo.create(ALPHA, RHEINWASSER, "J-24-0338", soilLines()), DRAFT);
        Invoice edited = demo.act(demo.create(ALPHA, PORTRDAM, "J-24-0329", waterLines()), DRAFT);
        demo.addLine(edited, cost("Re-analysis of sample 7 at the client's request", 1, "68.00"));
        // Only the first carries the VAT line: a merge copies every line, and each percent line applies to the merged total.
        demo.merge(demo.create(ALPHA, RHEINWASSER, "J-24-0350", waterLines()),
                demo.create(ALPHA, RHEINWASSER, "J-24-0351", List.of(sampleTest("Legionella, hot water system (ISO 11731)", 4, "58.00"))),
                demo.create(ALPHA, RHEINWASSER, "J-24-0352", List.of(sampleTest("PFAS-20 in drinking water (DIN 38407-42)", 3, "210.00"),
                        cost("On-site sampling by a laboratory technician, per hour", 2, "75.00"))));
        // Transmit Invoice, Record Client Response, Record Settlement.
        demo.act(demo.create(ALPHA, LYONAGRI, "J-24-0298", foodLines()), DRAFT, RELEASE, AUTHORISE);
        demo.act(demo.create(ALPHA, RHEINWASSER, "J-24-0287", waterLines()), DRAFT, RELEASE, AUTHORISE, TRANSMIT);
        demo.act(demo.create(ALPHA, LYONAGRI, "J-24-0275", soilLines()), DRAFT, RELEASE, AUTHORISE, TRANSMIT, BOOK);
        // Ended: paid, credited (its credit note waits at Authorise Invoice), rejected by the client, cancelled.
        demo.act(demo.create(ALPHA, RHEINWASSER, "J-24-0254", foodLines()), DRAFT, RELEASE, AUTHORISE, TRANSMIT, BOOK, PAY);
        demo.act(demo.create(ALPHA, PORTRDAM, "J-24-0261", soilLines()), DRAFT, RELEASE, AUTHORISE, TRANSMIT, BOOK, CREDIT);
        Invoice rejected = demo.act(demo.create(ALPHA, PORTRDAM, "J-24-0266", waterLines()), DRAFT, RELEASE, AUTHORISE, TRANSMIT);
        demo.act(rejected, REJECT, "Purchase order 4500-2291 has expired; please re-invoice under PO 4500-2417");
        Invoice cancelled = demo.act(demo.create(ALPHA, LYONAGRI, "J-24-0301", foodLines()), DRAFT, RELEASE);
        demo.act(cancelled, CANCEL, "Job withdrawn by the client before the samples were analysed");
        // E-invoices (EN 16931): one waiting at Transmit Invoice, one sent to the Peppol outbox and by mail (UBL and Factur-X).
        demo.act(demo.create(ALPHA, HANSELAB, "J-24-0360", soilLines()), DRAFT, RELEASE, AUTHORISE);
        demo.act(demo.create(ALPHA, HANSELAB, "J-24-0361", airLines()), DRAFT, RELEASE, AUTHORISE, TRANSMIT);
    }

    /**
     * BETA's automation (released, then authorised, emailed and booked without anyone; one paid, one credited) and the
     * proposals in every status; after {@link #seedAuthoriseQueueHead}. Uses its own number series (BETA's, and the
     * proposals'), so it may run beside {@link #seedInvoices}.
     */
    void seedAutomationAndProposals() {
        demo.act(demo.create(BETA, NORDSEE, "BE-7741", airLines()), DRAFT, RELEASE);
        demo.act(demo.create(BETA, NORDSEE, "BE-7702", airLines()), DRAFT, RELEASE, PAY);
        demo.act(demo.create(BETA, NORDSEE, "BE-7715", waterLines()), DRAFT, RELEASE, CREDIT);
        seedProposals();
    }

    /** Logs that every laboratory document is seeded (scripts/startup-classes.sh waits for this line). */
    void logSeeded() {
        LOG.info("Laboratory demo data seeded: 2 laboratories, 5 clients, 20 invoices, 2 credit notes and 8 proposals in every status");
    }

    /** Proposals in every status; the accepted one has become its job's production invoice (INITIAL). */
    private void seedProposals() {
        demo.proposal(ALPHA, NORDSEE, "P-25-014", soilLines());
        demo.act(demo.proposal(ALPHA, RHEINWASSER, "P-25-015", waterLines()), DRAFT);
        demo.act(demo.proposal(ALPHA, LYONAGRI, "P-25-016", foodLines()), DRAFT, RELEASE);
        demo.act(demo.proposal(ALPHA, RHEINWASSER, "P-25-017", waterLines()), DRAFT, RELEASE, AUTHORISE);
        demo.act(demo.proposal(ALPHA, NORDSEE, "P-25-011", soilLines()), DRAFT, RELEASE, AUTHORISE, SEND);
        demo.act(demo.proposal(BETA, NORDSEE, "P-25-009", airLines()), DRAFT, RELEASE, AUTHORISE, SEND, ACCEPT);
        demo.act(demo.act(demo.proposal(ALPHA, PORTRDAM, "P-25-010", waterLines()), DRAFT, RELEASE, AUTHORISE, SEND),
                REJECT, "The client chose a laboratory closer to the sampling sites");
        demo.act(demo.act(demo.proposal(ALPHA, LYONAGRI, "P-25-012", foodLines()), DRAFT, RELEASE), CANCEL, "Superseded by proposal P-25-016");
    }

    /** The user becomes an office manager of those of the laboratories that exist. */
    private void manages(String userId, String... laboratoryCodes) {
        for (String code : laboratoryCodes) {
            if (laboratories.all().stream().anyMatch(lab -> lab.getCode().equals(code))) {
                tenants.addUser(code, userId);
            }
        }
    }

    private void seedLaboratories() {
        laboratories.create(new LaboratoryRequest(ALPHA, "Alpha Analytical Laboratory", "EUR",
                "ALPHA-INV-{YYYY}-{SEQ:5}", "ALPHA-CN-{YYYY}-{SEQ:5}", "ALPHA-PR-{YYYY}-{SEQ:5}", "invoices@alpha-analytical.example",
                null, null, false, false, false, false, 30, germanVat(),
                new Address("Hansaring 61", null, "Köln", null, "50670", "Germany"), "DE123456789",
                new BankDetails("Alpha Analytical Laboratory GmbH", "DE89370400440532013000", "COBADEFFXXX", null, null),
                PaymentReferenceRule.INVOICE_NUMBER, "+49 221 4711 0"));
        laboratories.create(new LaboratoryRequest(BETA, "Beta Environmental Labs", "EUR", null, null, null,
                "billing@beta-envlabs.example", null, null, true, true, true, true, 14, germanVat(),
                new Address("Am Sandtorkai 50", null, "Hamburg", null, "20457", "Germany"), "DE987654321",
                new BankDetails("Beta Environmental Labs GmbH", "DE02120300000000202051", "BYLADEM1001", null, null),
                PaymentReferenceRule.RF_CREDITOR_REFERENCE, "+49 40 3290 0"));
    }

    /** German VAT, standard and reduced, as a German Xero or QuickBooks Online organisation would name the rates. */
    private static List<TaxMapping> germanVat() {
        return List.of(new TaxMapping(new BigDecimal("19"), "19% (VAT on Income)", "19.0% S", "S"),
                new TaxMapping(new BigDecimal("7"), "7% (VAT on Income)", "7.0% R", "S"));
    }

    private void seedClients() {
        clients.create(new ClientRequest(RHEINWASSER, "Rheinwasser Versorgung GmbH",
                new Address("Uferstraße 12", "Kreditorenbuchhaltung", "Köln", null, "50668", "Germany"),
                "rechnungen@rheinwasser.example", TransmitBy.EMAIL, "DE811128135"));
        clients.create(new ClientRequest(NORDSEE, "Nordsee Aquakultur AG",
                new Address("Am Fischereihafen 4", null, "Bremerhaven", null, "27572", "Germany"),
                "accounts-payable@nordsee-aqua.example", TransmitBy.EMAIL, "DE136695976"));
        clients.create(new ClientRequest(LYONAGRI, "Coopérative Agricole du Lyonnais",
                new Address("14 Rue de la Gare", "Service comptabilité", "Lyon", null, "69009", "France"), null, TransmitBy.MAIL, "FR40303265045"));
        clients.create(new ClientRequest(PORTRDAM, "Port of Rotterdam Environmental Services",
                new Address("Wilhelminakade 909", null, "Rotterdam", null, "3072 AP", "Netherlands"), null, TransmitBy.FAX, "NL859048535B01"));
        clients.create(new ClientRequest(HANSELAB, "Hanseatisches Kliniklabor Einkauf GmbH",
                new Address("Lübecker Straße 128", null, "Hamburg", null, "22087", "Germany"), "e-rechnung@hanselab.example",
                TransmitBy.EINVOICE, "DE118634780",
                new EInvoiceSettings("0088", "4012345000009", EInvoiceFormat.UBL, EInvoiceDelivery.EMAIL_AND_OUTBOX)));
    }

    private static List<LineRequest> waterLines() {
        return List.of(sampleTest("Drinking water, metals by ICP-MS (EN ISO 17294-2)", 12, "68.00"),
                sampleTest("E. coli and coliform bacteria (EN ISO 9308-1)", 12, "39.50"),
                cost("Refrigerated courier, sample pick-up", 1, "85.00"),
                percent(TAX, "VAT 19%", "19"));
    }

    private static List<LineRequest> soilLines() {
        return List.of(sampleTest("Soil, PAH-16 by GC-MS", 8, "124.00"),
                sampleTest("Soil, heavy metals in aqua regia extract", 8, "76.00"),
                cost("Sample preparation: drying and sieving", 8, "18.50"),
                percent(SURCHARGE, "Express turnaround, results in 48 h", "20"),
                percent(TAX, "VAT 19%", "19"));
    }

    private static List<LineRequest> foodLines() {
        return List.of(sampleTest("Pesticide residues, multi-method (QuEChERS, LC-MS/MS)", 5, "185.00"),
                sampleTest("Mycotoxins: aflatoxins B1, B2, G1, G2", 5, "96.00"),
                percent(DISCOUNT, "Framework agreement discount", "7.5"),
                percent(TAX, "VAT 19%", "19"));
    }

    private static List<LineRequest> airLines() {
        return List.of(sampleTest("Indoor air, VOC screening (thermal desorption GC-MS)", 6, "145.00"),
                sampleTest("Formaldehyde, DNPH cartridge (HPLC)", 6, "62.00"),
                cost("Passive sampler rental", 6, "12.00"),
                percent(REBATE, "Annual volume rebate", "3"),
                percent(TAX, "VAT 19%", "19"));
    }
}
