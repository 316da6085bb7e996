package com.billflow.surgicalcase;

import com.billflow.payment.Payment;
import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.math.BigDecimal;
import java.time.LocalDate;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_EMAIL_INVOICE;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_GENERATE_INVOICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The Console's pages through the whole application (security chain, controllers, templates,
 * services, engine): who sees which case, refusals shown with the service's words, and buttons
 * that complete the same tasks as Tasklist.
 */
class CaseConsoleTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    SurgicalCaseService cases;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void theListPagesByKeyAndPageNumbersStillWork() throws Exception {
        // given a rep with 53 cases, two on each day, plus the Pending PO's panel
        var facility = fixtures.facility(false);
        String rep = fixtures.user(Groups.SALES_REP);
        LocalDate first = LocalDate.now(clock).minusDays(60);
        for (int i = 0; i < 53; i++) {
            cases.submit(com.billflow.support.Fixtures.request(facility.getCode(), rep, first.plusDays(i / 2)), fixtures.caller(rep));
        }

        // when the first page is shown
        String page1 = mvc.perform(get("/console/cases").with(as(rep, Groups.SALES_REP)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"pending-po\"")))
                .andExpect(content().string(containsString("data-case-link=\"/console/cases/\"")))
                .andReturn().getResponse().getContentAsString();

        // then 50 rows, and Next leads past the last one by its key
        assertThat(rowsOf(page1)).hasSize(50);
        String next = linkOf(page1, "Next");
        assertThat(next).contains("after=").contains("page=1");
        String page2 = mvc.perform(get(next).with(as(rep, Groups.SALES_REP))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rowsOf(page2)).hasSize(3).doesNotContainAnyElementsOf(rowsOf(page1));
        assertThat(page2).contains("Page 2").doesNotContain(">Next</a>");

        // and Previous by key comes back to the same first page, as does the bare page number 0; page=1 is page 2
        String back = mvc.perform(get(linkOf(page2, "Previous")).with(as(rep, Groups.SALES_REP))).andReturn().getResponse().getContentAsString();
        assertThat(rowsOf(back)).isEqualTo(rowsOf(page1));
        String byNumber = mvc.perform(get("/console/cases?page=1").with(as(rep, Groups.SALES_REP))).andReturn().getResponse().getContentAsString();
        assertThat(rowsOf(byNumber)).isEqualTo(rowsOf(page2));

        // a mangled key or a page number too deep is a 400 page with what to do, not a 500
        mvc.perform(get("/console/cases?after=yesterday").with(as(rep, Groups.SALES_REP)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("follow Next or Previous")));
        mvc.perform(get("/console/cases?page=500").with(as(rep, Groups.SALES_REP)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("too deep for a page number")));
    }

    /** The case numbers of a list page's rows, in order. */
    private static java.util.List<String> rowsOf(String html) {
        return java.util.regex.Pattern.compile("<td data-label=\"Case\"><a href=\"[^\"]+\">([^<]+)</a>").matcher(html)
                .results().map(m -> m.group(1)).toList();
    }

    private static String linkOf(String html, String text) {
        var link = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\">" + text + "</a>").matcher(html);
        assertThat(link.find()).as("a link " + text).isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    @Test
    void aRepListsOnlyTheirOwnCasesAndAnotherRepsCaseIsNotFound() throws Exception {
        // given
        SurgicalCase own = fixtures.submittedCase(false);
        SurgicalCase others = fixtures.submittedCase(false);

        // then
        mvc.perform(get("/console/cases").with(as(own.getRep(), Groups.SALES_REP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(own.getCaseNumber())))
                .andExpect(content().string(not(containsString(others.getCaseNumber()))))
                .andExpect(content().string(containsString("My cases")))
                .andExpect(content().string(containsString("Pending PO")));
        mvc.perform(get("/console/cases/" + others.getId()).with(as(own.getRep(), Groups.SALES_REP)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("does not exist")))
                .andExpect(content().string(not(containsString(others.getCaseNumber()))));
        mvc.perform(post("/console/cases/" + others.getId() + "/purchase-orders").param("allManufacturers", "PO-1")
                        .with(as(own.getRep(), Groups.SALES_REP)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(cases.get(others.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PO);
    }

    @Test
    void billingFiltersByRepAndStatus() throws Exception {
        SurgicalCase first = fixtures.submittedCase(false);
        SurgicalCase second = fixtures.submittedCase(false);
        String billing = fixtures.user(Groups.BILLING);

        mvc.perform(get("/console/cases").param("rep", first.getRep()).param("status", "PENDING_PO").with(as(billing, Groups.BILLING)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.getCaseNumber())))
                .andExpect(content().string(not(containsString(second.getCaseNumber()))));
        mvc.perform(get("/console/cases").param("status", "PAID").param("rep", first.getRep()).with(as(billing, Groups.BILLING)))
                .andExpect(content().string(containsString("No cases match.")));
    }

    @Test
    void theNewCaseFormShowsTheRequestsAndTheServicesRefusalsAndKeepsWhatWasTyped() throws Exception {
        String rep = fixtures.user(Groups.SALES_REP);
        String facility = fixtures.facility(false).getCode();

        mvc.perform(newCase(rep, facility, "John Smith", "1000.00").param("lines[1].manufacturer", "Zimmer")
                        .param("lines[1].quantity", "two"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be a number")))
                .andExpect(content().string(containsString("value=\"Femoral stem\"")));
        mvc.perform(newCase(rep, facility, "John Smith", "1000.00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("never a patient&#39;s name")));
        mvc.perform(newCase(rep, facility, "PT-1", "10.001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("has more decimals than USD allows")));
        mvc.perform(newCase(rep, "NO-SUCH-FACILITY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a known facility")));
    }

    @Test
    void aRepSubmitsACaseAndAddsOnePoPerManufacturerOnTheirOwnCase() throws Exception {
        String rep = fixtures.user(Groups.SALES_REP);
        String facility = fixtures.facility(false).getCode();

        String location = mvc.perform(newCase(rep, facility, "PT-77", "1000.00")
                        .param("lines[1].manufacturer", "Zimmer").param("lines[1].partNumber", "ZM-1")
                        .param("lines[1].description", "Insert").param("lines[1].quantity", "2").param("lines[1].unitPrice", "45.25"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/console/cases/*"))
                .andExpect(flash().attribute("message", containsString("submitted")))
                .andReturn().getResponse().getRedirectedUrl();
        Long id = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        assertThat(cases.get(id).total().amount()).isEqualByComparingTo("1090.50");

        // a PO for one manufacturer only is refused with the service's message
        mvc.perform(post(location + "/purchase-orders").param("manufacturer", "Acme Ortho").param("po", "PO-A")
                        .param("manufacturer", "Zimmer").param("po", "").with(as(rep, Groups.SALES_REP)).with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("error", containsString("A PO number is missing for Zimmer")));
        mvc.perform(post(location + "/purchase-orders").param("manufacturer", "Acme Ortho").param("po", "PO-A")
                        .param("manufacturer", "Zimmer").param("po", "PO-Z").with(as(rep, Groups.SALES_REP)).with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("message", containsString("Purchase order added")));

        assertThat(cases.get(id).getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PAYMENT);
        assertThat(cases.get(id).purchaseOrders().poFor("Zimmer")).isEqualTo("PO-Z");
        mvc.perform(get(location).with(as(rep, Groups.SALES_REP)))
                .andExpect(content().string(containsString("Pending Payment")))
                .andExpect(content().string(containsString("PO-Z")))
                .andExpect(content().string(not(containsString("Invoice Paid"))));
    }

    @Test
    void billingWorksTheCaseWithTheSameTasksAsTasklistAndARepMayNot() throws Exception {
        SurgicalCase c = fixtures.submittedCase(false);
        String billing = fixtures.user(Groups.BILLING);
        String url = "/console/cases/" + c.getId();

        mvc.perform(post(url + "/cancel").with(as(c.getRep(), Groups.SALES_REP)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(url + "/invoice-paid").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("cannot mark the invoice paid now")));
        mvc.perform(post(url + "/purchase-orders").param("allManufacturers", "PO-9").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", containsString("Purchase order added")));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getCaseNumber()).singleResult().getId();
        management.createJobQuery().processInstanceId(instance).activityId(TASK_GENERATE_INVOICE).list()
                .forEach(job -> management.executeJob(job.getId()));
        assertThat(cases.get(c.getId()).isInvoiced()).isTrue();

        mvc.perform(get(url).with(as(billing, Groups.BILLING)))
                .andExpect(content().string(containsString("Email the invoice")))
                .andExpect(content().string(containsString("Invoice PDF preview")))
                .andExpect(content().string(not(containsString("Download .CSV"))));
        mvc.perform(get(url + "/invoice.pdf").with(as(billing, Groups.BILLING)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        mvc.perform(post(url + "/email").param("to", "not an address").param("subject", "S").param("body", "B")
                        .with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("is not")));
        mvc.perform(post(url + "/cancel").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("cannot cancel")));
    }

    @Test
    void billingRecordsPaymentsNextToTheButtonsAndSeesTheServicesRefusals() throws Exception {
        // given an invoiced case whose invoice went out by email
        SurgicalCase c = fixtures.submittedCase(false);
        String billing = fixtures.user(Groups.BILLING);
        String url = "/console/cases/" + c.getId();
        mvc.perform(post(url + "/purchase-orders").param("allManufacturers", "PO-7").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", containsString("Purchase order added")));
        runJobs(c);
        mvc.perform(post(url + "/email").param("contact", EventDetailView.ALL_CONTACTS).param("subject", "Invoice")
                        .param("body", "Attached.").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", containsString("handed over for email")));
        runJobs(c);
        BigDecimal total = cases.get(c.getId()).total().amount();
        mvc.perform(get(url).with(as(billing, Groups.BILLING)))
                .andExpect(content().string(containsString("Amount received")))
                .andExpect(content().string(containsString("placeholder=\"" + total.toPlainString() + "\"")))
                .andExpect(content().string(containsString("Commission amount")));

        // when the posted text is no number or no date, or more than is open, or the commission has no amount
        mvc.perform(post(url + "/invoice-paid").param("amount", "ten").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("error", containsString("amount 'ten' is not a number")));
        mvc.perform(post(url + "/invoice-paid").param("paymentDate", "2026-02-30").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("paymentDate '2026-02-30' is not a date")));
        mvc.perform(post(url + "/invoice-paid").param("amount", total.add(BigDecimal.ONE).toPlainString())
                        .with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("more than the open amount")));
        mvc.perform(post(url + "/commission-paid").param("amount", "").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("amount is required")));
        assertThat(cases.payments(c.getId())).isEmpty();

        // then a partial payment leaves the rest open, and the empty amount pays exactly that rest
        mvc.perform(post(url + "/invoice-paid").param("amount", "10.00").param("paymentDate", LocalDate.now().minusDays(1).toString())
                        .param("reference", "Cheque 1042").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", containsString("still open")));
        assertThat(cases.get(c.getId()).isInvoicePaid()).isFalse();
        assertThat(cases.openAmount(c.getId()).amount()).isEqualByComparingTo(total.subtract(BigDecimal.TEN));
        mvc.perform(post(url + "/invoice-paid").param("amount", "").param("paymentDate", "").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", "Invoice paid in full."));
        mvc.perform(post(url + "/commission-paid").param("amount", "50.00").param("reference", "Payroll 11")
                        .with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", "Commission marked paid."));
        assertThat(cases.get(c.getId()).getStatus()).isEqualTo(SurgicalCaseStatus.PAID);
        assertThat(cases.payments(c.getId())).extracting(Payment::getReference).containsExactly("Cheque 1042", null, "Payroll 11");
    }

    @Test
    void billingRecordsAnInvoiceSentByHand() throws Exception {
        // given an invoiced case waiting in Send Invoice
        SurgicalCase c = fixtures.submittedCase(false);
        String billing = fixtures.user(Groups.BILLING);
        String url = "/console/cases/" + c.getId();
        mvc.perform(post(url + "/purchase-orders").param("allManufacturers", "PO-8").with(as(billing, Groups.BILLING)).with(csrf()));
        runJobs(c);
        mvc.perform(get(url).with(as(billing, Groups.BILLING))).andExpect(content().string(containsString("I sent it myself")));

        // when billing says they sent it themselves (a rep may not)
        mvc.perform(post(url + "/sent-manually").with(as(c.getRep(), Groups.SALES_REP)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(url + "/sent-manually").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", "Invoice recorded as sent by you."));

        // then Send Invoice is done by hand, no mail went out, and the payments wait; a second press is refused
        SurgicalCase sent = cases.get(c.getId());
        assertThat(sent.getInvoiceSentBy()).isEqualTo(SendMethod.MANUAL);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        mvc.perform(post(url + "/sent-manually").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("cannot record the invoice as sent now")));
    }

    @Test
    void aFailedInvoiceMailIsShownWithSendAgain() throws Exception {
        // given an invoice handed over for email while the SMTP server is away, its retries used up
        SurgicalCase c = fixtures.submittedCase(false);
        String billing = fixtures.user(Groups.BILLING);
        String url = "/console/cases/" + c.getId();
        mvc.perform(post(url + "/purchase-orders").param("allManufacturers", "PO-6").with(as(billing, Groups.BILLING)).with(csrf()));
        runJobs(c);
        mvc.perform(post(url + "/email").param("to", "ap@hospital.example").param("subject", "Invoice").param("body", "Attached.")
                        .with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", containsString("handed over for email")));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getCaseNumber()).singleResult().getId();
        var emailJob = management.createJobQuery().processInstanceId(instance).activityId(TASK_EMAIL_INVOICE).singleResult();
        smtp.stop();
        for (int attempt = 0; attempt < 4 && runtime.createIncidentQuery().processInstanceId(instance).count() == 0; attempt++) {
            try {
                management.executeJob(emailJob.getId());
            } catch (RuntimeException smtpAway) {
                // each failure uses up one retry of R3/PT5M; the last becomes an incident
            }
        }
        smtp.start();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).activityId(TASK_EMAIL_INVOICE).count()).isEqualTo(1);

        // then Event Detail says so and offers Send again, which sends the mail
        mvc.perform(get(url).with(as(billing, Groups.BILLING)))
                .andExpect(content().string(containsString("The invoice mail could not be sent")))
                .andExpect(content().string(containsString("Send again")));
        mvc.perform(post(url + "/send-again").with(as(billing, Groups.BILLING)).with(csrf()))
                .andExpect(flash().attribute("message", containsString("being sent again")));
        management.executeJob(emailJob.getId());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(cases.get(c.getId()).getInvoiceSentBy()).isEqualTo(SendMethod.EMAIL);
        mvc.perform(get(url).with(as(billing, Groups.BILLING)))
                .andExpect(content().string(not(containsString("could not be sent"))));
    }

    private void runJobs(SurgicalCase c) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getCaseNumber()).singleResult().getId();
        for (int round = 0; round < 5; round++) {
            management.createJobQuery().processInstanceId(instance).executable().list().forEach(job -> management.executeJob(job.getId()));
        }
    }

    @Test
    void aUdiFillsTheLineAndNothingAPageCanPostGivesA500() throws Exception {
        String rep = fixtures.user(Groups.SALES_REP);

        mvc.perform(post("/console/cases/new/lines").param("action", "udi:0").param("currency", "USD")
                        .param("lines[0].udi", "(01)09504000059101(17)281120(10)LOT-9(21)SN-9").with(as(rep, Groups.SALES_REP)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"09504000059101\"")))
                .andExpect(content().string(containsString("value=\"SN-9\"")));
        mvc.perform(post("/console/cases/new/lines").param("action", "udi:0").param("lines[0].udi", "(01)09504000059102")
                        .with(as(rep, Groups.SALES_REP)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("wrong check digit")));
        mvc.perform(post("/console/cases/new/total").param("currency", "JPY").param("lines[0].quantity", "3")
                        .param("lines[0].unitPrice", "1000").with(as(rep, Groups.SALES_REP)).with(csrf()))
                .andExpect(content().string(containsString("¥3,000")));
        mvc.perform(post("/console/cases/new/lines").param("action", "remove:7").with(as(rep, Groups.SALES_REP)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/cases/new").param("lines[5000].manufacturer", "x").with(as(rep, Groups.SALES_REP)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/cases").param("status", "NOPE").with(as(rep, Groups.SALES_REP)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/cases/abc").with(as(rep, Groups.SALES_REP)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/cases").param("from", "2026-12-01").param("to", "2026-01-01").with(as(rep, Groups.SALES_REP)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is after")));
    }

    @Test
    void signedOutVisitorsAreSentToTheSignIn() throws Exception {
        mvc.perform(get("/console/cases").accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder newCase(String rep, String facility) {
        return newCase(rep, facility, "PT-1", "1000.00");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder newCase(String rep, String facility,
                                                                                              String patientRef, String unitPrice) {
        return post("/console/cases/new").with(as(rep, Groups.SALES_REP)).with(csrf())
                .param("facility", facility).param("surgeon", "Dr. Test").param("procedure", "Knee")
                .param("procedureDate", LocalDate.now().toString()).param("patientRef", patientRef).param("currency", "USD")
                .param("lines[0].manufacturer", "Acme Ortho").param("lines[0].partNumber", "AC-100")
                .param("lines[0].description", "Femoral stem").param("lines[0].quantity", "1").param("lines[0].unitPrice", unitPrice);
    }

    private static RequestPostProcessor as(String userId, String group) {
        return user(userId).authorities(new SimpleGrantedAuthority(group));
    }
}
