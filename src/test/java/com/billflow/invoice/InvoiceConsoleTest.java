package com.billflow.invoice;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.document.DocumentKind;
import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.billflow.invoice.process.ProductionInvoiceProcess.TASK_REVIEW_INVOICE;
import static com.billflow.invoice.process.ProductionInvoiceProcess.VAR_INVOICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Console's invoice pages through the whole application (security chain, controller, templates,
 * services, engine): an office manager sees only their laboratories' invoices (another's is 404 as in
 * the API), bad input is a 4xx or a message on the page with nothing written, and every button
 * completes the invoice's Tasklist task.
 */
class InvoiceConsoleTest extends IntegrationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceHistory history;
    @Autowired
    InvoiceDocumentService documents;
    @Autowired
    InvoiceListQuery listQuery;
    @Autowired
    WipSchedule wipSchedule;

    MockMvc mvc;
    Laboratory lab;
    Laboratory otherLab;
    Client client;
    String manager;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        lab = fixtures.laboratory(false, false, false, false);
        otherLab = fixtures.laboratory(false, false, false, false);
        client = fixtures.client(TransmitBy.EMAIL);
        manager = fixtures.officeManagerOf(lab);
    }

    @Test
    void anOfficeManagerSeesOnlyTheirLaboratoriesInvoicesAndOthersAreRefused() throws Exception {
        // given
        Long own = fixtures.newInvoice(lab, client);
        Long others = fixtures.newInvoice(otherLab, client);
        String ownJob = invoices.get(own).getJobNumber();
        String othersJob = invoices.get(others).getJobNumber();

        // then the list holds only their laboratory's invoice, with names, not codes
        mvc.perform(get("/console/invoices").with(as(manager, Groups.OFFICE_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ownJob)))
                .andExpect(content().string(not(containsString(othersJob))))
                .andExpect(content().string(containsString(client.getName())))
                .andExpect(content().string(containsString("Initial")))
                .andExpect(content().string(not(containsString(">INITIAL<"))));
        // another laboratory's invoice is not found, its actions and documents too, and nothing changes
        mvc.perform(get("/console/invoices/" + others).with(as(manager, Groups.OFFICE_MANAGER)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("does not exist")));
        mvc.perform(post("/console/invoices/" + others + "/actions/draft").with(as(manager, Groups.OFFICE_MANAGER)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/invoices/" + others + "/documents/wip").with(as(manager, Groups.OFFICE_MANAGER)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(invoices.get(others).getStatus()).isEqualTo(InvoiceStatus.INITIAL);
        assertThat(documents.all(others)).isEmpty();
        // a user of another group may not open the pages at all
        String billing = "billing-" + System.nanoTime();
        mvc.perform(get("/console/invoices").with(as(billing, Groups.BILLING))).andExpect(status().isForbidden());
        mvc.perform(get("/console/invoices/" + own).with(as(billing, Groups.BILLING))).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsAClearMessageAndWritesNothing() throws Exception {
        // given
        Long id = fixtures.newInvoice(lab, client);
        RequestPostProcessor office = as(manager, Groups.OFFICE_MANAGER);

        // then a quantity that is not a number, and a percent on a sample line, are refused with the rule
        mvc.perform(post("/console/invoices/" + id + "/lines").param("kind", "SAMPLE_TEST").param("description", "Lead")
                        .param("quantity", "two").param("unitPrice", "10").with(office).with(csrf()))
                .andExpect(redirectedUrl("/console/invoices/" + id + "#lines"))
                .andExpect(flash().attribute("error", containsString("quantity must be a number")));
        mvc.perform(post("/console/invoices/" + id + "/lines").param("kind", "SAMPLE_TEST").param("description", "Lead")
                        .param("percent", "5").with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("A sample / test line (SAMPLE_TEST) takes a quantity and a unit price, not a percent")));
        mvc.perform(post("/console/invoices/" + id + "/lines").param("kind", "COST").param("description", " ")
                        .param("quantity", "-1").param("unitPrice", "10").with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("description must not be blank")))
                .andExpect(flash().attribute("error", containsString("quantity must be greater than 0")));
        mvc.perform(post("/console/invoices/" + id + "/lines").param("kind", "GOLD").param("description", "Lead")
                        .param("quantity", "1").param("unitPrice", "10").with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("kind is not valid")));
        assertThat(invoices.get(id).getLines()).hasSize(1);
        // a payment amount that is not a number, on an invoice that cannot be paid anyway: a 400 page naming the field
        mvc.perform(post("/console/invoices/" + id + "/actions/pay").param("amount", "lots").with(office).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is not a valid amount")));
        // cancel without a reason is refused by the process's rule; the invoice stays as it was
        mvc.perform(post("/console/invoices/" + id + "/actions/cancel").with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("reason")));
        // an action the status does not allow, and one that does not exist
        mvc.perform(post("/console/invoices/" + id + "/actions/release").with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("INITIAL")));
        mvc.perform(post("/console/invoices/" + id + "/actions/explode").with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("Unknown action 'explode'")));
        assertThat(invoices.get(id).getStatus()).isEqualTo(InvoiceStatus.INITIAL);
        // filters and pages that cannot be read
        mvc.perform(get("/console/invoices").param("from", "2026-12-01").param("to", "2026-11-01").with(office))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is after")));
        mvc.perform(get("/console/invoices").param("status", "LOST").with(office))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("LOST&#39; is not a valid status")));
        mvc.perform(get("/console/invoices").param("after", "yesterday").with(office))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is not a page of this list")));
        mvc.perform(get("/console/invoices/abc").with(office)).andExpect(status().isBadRequest());
        // scheduled WIP documents for a laboratory that is not theirs
        mvc.perform(post("/console/invoices/wip-schedule").param("laboratory", otherLab.getCode()).param("wanted", "true").with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("is not a known laboratory of yours")));
        assertThat(wipSchedule.requestOf(otherLab.getCode())).isEmpty();
        mvc.perform(post("/console/invoices/wip-schedule").param("laboratory", lab.getCode()).param("wanted", "true").with(office).with(csrf()))
                .andExpect(flash().attribute("message", containsString("WIP documents scheduled")));
        assertThat(wipSchedule.requestOf(lab.getCode())).get().extracting(WipSchedule.Request::requestedBy).isEqualTo(manager);
        wipSchedule.request(lab.getCode(), false, manager);
        // a new invoice for a laboratory that is not theirs: the API's words, and no invoice
        long before = listQuery.find(filter(null)).rows().size();
        mvc.perform(post("/console/invoices/new").param("laboratoryCode", otherLab.getCode()).param("clientCode", client.getCode())
                        .param("jobNumber", "J-1").param("type", "PRODUCTION").with(office).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is not a known laboratory of yours")));
        mvc.perform(post("/console/invoices/new").param("laboratoryCode", lab.getCode()).param("clientCode", client.getCode())
                        .param("jobNumber", "").param("type", "PRODUCTION").with(office).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jobNumber must not be blank")));
        assertThat(listQuery.find(filter(null)).rows()).hasSize((int) before);
    }

    @Test
    void buttonsCompleteTheTasklistTaskAndEditLines() throws Exception {
        // given
        RequestPostProcessor office = as(manager, Groups.OFFICE_MANAGER);
        mvc.perform(post("/console/invoices/new").param("laboratoryCode", lab.getCode()).param("clientCode", client.getCode())
                        .param("jobNumber", "J-CONSOLE").param("type", "PRODUCTION").with(office).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Long id = listQuery.find(filter(null)).rows().get(0).id();
        assertThat(invoices.get(id).getJobNumber()).isEqualTo("J-CONSOLE");

        // when lines are added, changed and removed, and the invoice drafted, repriced and cancelled with a reason
        mvc.perform(post("/console/invoices/" + id + "/lines").param("kind", "SAMPLE_TEST").param("description", "Lead in water")
                .param("quantity", "2").param("unitPrice", "90.00").with(office).with(csrf())).andExpect(flash().attribute("message", "Line added."));
        mvc.perform(post("/console/invoices/" + id + "/lines").param("kind", "TAX").param("description", "VAT")
                .param("percent", "19").with(office).with(csrf())).andExpect(flash().attribute("message", "Line added."));
        Long sample = invoices.get(id).getLines().get(0).getId();
        Long tax = invoices.get(id).getLines().get(1).getId();
        mvc.perform(post("/console/invoices/" + id + "/actions/draft").with(office).with(csrf()))
                .andExpect(flash().attribute("message", "Invoice draft, job J-CONSOLE is now Draft."));
        assertThat(processEngine.getTaskService().createTaskQuery().processVariableValueEquals(VAR_INVOICE_ID, id).singleResult()
                .getTaskDefinitionKey()).isEqualTo(TASK_REVIEW_INVOICE);
        mvc.perform(post("/console/invoices/" + id + "/lines/" + sample).param("kind", "SAMPLE_TEST").param("description", "Lead in water")
                .param("quantity", "3").param("unitPrice", "90.00").with(office).with(csrf())).andExpect(flash().attribute("message", "Line changed."));
        mvc.perform(post("/console/invoices/" + id + "/lines/" + tax + "/remove").with(office).with(csrf()))
                .andExpect(flash().attribute("message", "Line removed."));
        mvc.perform(post("/console/invoices/" + id + "/actions/reprice").with(office).with(csrf()))
                .andExpect(flash().attribute("message", containsString("€270.00")));
        mvc.perform(post("/console/invoices/" + id + "/actions/cancel").param("reason", "Job withdrawn").with(office).with(csrf()))
                .andExpect(redirectedUrl("/console/invoices/" + id));

        // then
        Invoice cancelled = invoices.get(id);
        assertThat(cancelled.getStatus()).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(cancelled.total().amount()).isEqualByComparingTo("270.00");
        assertThat(history.of(id)).last().satisfies(entry -> {
            assertThat(entry.getReason()).isEqualTo("Job withdrawn");
            assertThat(entry.getWho()).isEqualTo(manager);
        });
        assertThat(processEngine.getTaskService().createTaskQuery().processVariableValueEquals(VAR_INVOICE_ID, id).count()).isZero();
        mvc.perform(get("/console/invoices/" + id).with(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Job withdrawn")))
                .andExpect(content().string(containsString("Cancelled")))
                .andExpect(content().string(not(containsString("Add a line"))));
    }

    @Test
    void mergeTakesInitialInvoicesOfOneClientAndShowsTheServicesRefusal() throws Exception {
        // given
        RequestPostProcessor office = as(manager, Groups.OFFICE_MANAGER);
        Long first = fixtures.newInvoice(lab, client);
        Long second = fixtures.newInvoice(lab, client);
        Long otherClients = fixtures.newInvoice(lab, fixtures.client(TransmitBy.MAIL));

        // then another client's invoice is refused with the service's words, and nothing is merged
        mvc.perform(post("/console/invoices/merge").param("invoiceId", first.toString(), otherClients.toString()).with(office).with(csrf()))
                .andExpect(redirectedUrl("/console/invoices"))
                .andExpect(flash().attribute("error", containsString("Only invoices of one laboratory and client can be merged")));
        mvc.perform(post("/console/invoices/merge").param("invoiceId", first.toString()).with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("at least two")));
        assertThat(invoices.get(first).getStatus()).isEqualTo(InvoiceStatus.INITIAL);

        // when two of one client are merged
        mvc.perform(post("/console/invoices/merge").param("invoiceId", first.toString(), second.toString()).with(office).with(csrf()))
                .andExpect(redirectedUrl("/console/invoices/" + first));

        // then
        assertThat(invoices.get(first).getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoices.get(first).getLines()).hasSize(2);
        assertThat(invoices.get(second).getStatus()).isEqualTo(InvoiceStatus.MERGED);
        mvc.perform(get("/console/invoices/" + first).with(office))
                .andExpect(content().string(containsString("Merged from")));
    }

    @Test
    void documentsArePreviewedAndDownloadedOnlyWhileTheirInvoiceIsVisible() throws Exception {
        // given
        RequestPostProcessor office = as(manager, Groups.OFFICE_MANAGER);
        Long id = fixtures.newInvoice(lab, client);

        // when
        mvc.perform(post("/console/invoices/" + id + "/documents/estimate").with(office).with(csrf()))
                .andExpect(flash().attribute("message", containsString("Estimate made")));
        mvc.perform(post("/console/invoices/" + id + "/documents/invoice").with(office).with(csrf()))
                .andExpect(flash().attribute("error", containsString("Unknown document 'invoice'")));

        // then
        Long documentId = documents.all(id).get(0).getId();
        assertThat(documents.all(id)).extracting(d -> d.getKind()).containsExactly(DocumentKind.ESTIMATE);
        mvc.perform(get("/console/invoices/" + id).with(office))
                .andExpect(content().string(containsString("/console/invoices/" + id + "/documents/" + documentId)));
        mvc.perform(get("/console/invoices/" + id + "/documents/" + documentId).param("download", "true").with(office))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")));
        String stranger = fixtures.officeManagerOf(otherLab);
        mvc.perform(get("/console/invoices/" + id + "/documents/" + documentId).with(as(stranger, Groups.OFFICE_MANAGER)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theListIsReadByKeyPageAfterPage() throws Exception {
        // given more invoices than one page holds
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < InvoiceListQuery.PAGE_SIZE + 3; i++) {
            made.add(invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), "J-" + i, null, null), "test").getId());
        }

        // when
        InvoiceListQuery.Page first = listQuery.find(filter(null));
        InvoiceListQuery.Page second = listQuery.find(filter(InvoiceListQuery.Key.parse(first.next().token())));

        // then every invoice once, newest first, and no third page
        List<Long> seen = new ArrayList<>();
        first.rows().forEach(r -> seen.add(r.id()));
        second.rows().forEach(r -> seen.add(r.id()));
        assertThat(first.rows()).hasSize(InvoiceListQuery.PAGE_SIZE);
        assertThat(second.next()).isNull();
        Collections.reverse(made);
        assertThat(seen).containsExactlyElementsOf(made);
        // and the page renders its "Older" link (the template calls Key.token()), which leads to the oldest invoices
        mvc.perform(get("/console/invoices").with(as(manager, Groups.OFFICE_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Older</a>")))
                .andExpect(content().string(not(containsString(">J-0<"))));
        mvc.perform(get("/console/invoices").param("after", first.next().token()).with(as(manager, Groups.OFFICE_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">J-0<")))
                .andExpect(content().string(not(containsString(">Older</a>"))));
    }

    private InvoiceListQuery.Filter filter(InvoiceListQuery.Key after) {
        return new InvoiceListQuery.Filter(List.of(lab.getCode()), null, null, null, null, null, null, after);
    }

    private static RequestPostProcessor as(String userId, String group) {
        return user(userId).authorities(new SimpleGrantedAuthority(group));
    }
}
