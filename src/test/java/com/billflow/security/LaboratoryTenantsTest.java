package com.billflow.security;

import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.LaboratoryRequest;
import com.billflow.directory.LaboratoryService;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceType;
import com.billflow.invoice.LineKind;
import com.billflow.invoice.LineRequest;
import com.billflow.invoice.process.InvoiceTasks;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Laboratories and their tenants: created and renamed together, set on every laboratory instance, read as a caller's scope. */
class LaboratoryTenantsTest extends IntegrationTest {

    @Autowired
    LaboratoryService laboratories;
    @Autowired
    LaboratoryTenants tenants;
    @Autowired
    IdentityService identity;
    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks invoiceTasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ApplicationContext context;

    private final Caller admin = new Caller("tenants-test", List.of(Groups.ADMIN));

    @Test
    void aLaboratorysTenantIsCreatedAndRenamedWithItAndRestoredAtStartup() throws Exception {
        // given
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        assertThat(identity.createTenantQuery().tenantId(lab.getCode()).singleResult().getName()).isEqualTo(lab.getName());

        // when renamed
        laboratories.update(lab.getCode(), new LaboratoryRequest(null, "Renamed " + lab.getCode(), "EUR", null, null, null,
                null, null, null, false, false, false, false, 30, List.of(), null, null, null, null));

        // then
        assertThat(identity.createTenantQuery().tenantId(lab.getCode()).singleResult().getName()).isEqualTo("Renamed " + lab.getCode());

        // when a database from before tenants (no tenant for the laboratory) starts
        identity.deleteTenant(lab.getCode());
        ((ApplicationRunner) context.getBean("laboratoryTenantSetup")).run(new DefaultApplicationArguments());

        // then
        assertThat(identity.createTenantQuery().tenantId(lab.getCode()).singleResult().getName()).isEqualTo("Renamed " + lab.getCode());
    }

    @Test
    void invoicesCreditNotesProposalsAndAcceptedProposalsRunInTheirLaboratorysTenantAndCasesInNone() {
        // given
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Client client = fixtures.client(TransmitBy.MAIL);

        // when an invoice is credited, and a proposal accepted
        Invoice invoice = walk(lab, client, InvoiceType.PRODUCTION, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE,
                InvoiceAction.TRANSMIT, InvoiceAction.BOOK, InvoiceAction.CREDIT);
        Invoice proposal = walk(lab, client, InvoiceType.PROPOSAL, InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE,
                InvoiceAction.SEND, InvoiceAction.ACCEPT);
        SurgicalCase surgicalCase = fixtures.submittedCase(false);

        // then the credit note's and the accepted proposal's production invoice's instances are the laboratory's
        assertThat(instanceOf(invoice.getCreditNoteId()).getTenantId()).isEqualTo(lab.getCode());
        assertThat(instanceOf(proposal.getProductionInvoiceId()).getTenantId()).isEqualTo(lab.getCode());
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .variableValueEquals("invoiceId", invoice.getId()).singleResult().getTenantId()).isEqualTo(lab.getCode());
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instanceOf(invoice.getCreditNoteId()).getId())
                .singleResult().getTenantId()).isEqualTo(lab.getCode());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(surgicalCase.getCaseNumber()).singleResult().getTenantId()).isNull();
    }

    @Test
    void aCallersScopeIsTheirTenantsDirectOrThroughAGroupAndEverythingForAdministrators() {
        // given
        Laboratory direct = fixtures.laboratory(false, false, false, false);
        Laboratory throughGroup = fixtures.laboratory(false, false, false, false);
        String office = fixtures.officeManagerOf(direct);
        String group = "lab-group-" + direct.getCode().toLowerCase();
        identity.saveGroup(identity.newGroup(group));
        identity.createMembership(office, group);
        identity.createTenantGroupMembership(throughGroup.getCode(), group);

        // then
        LaboratoryScope scope = tenants.scopeOf(fixtures.caller(office));
        assertThat(scope.all()).isFalse();
        assertThat(scope.laboratoryCodes()).containsExactlyInAnyOrder(direct.getCode(), throughGroup.getCode());
        assertThat(tenants.scopeOf(fixtures.caller(fixtures.user(Groups.BILLING))).laboratoryCodes()).isEmpty();
        assertThat(tenants.scopeOf(fixtures.caller(fixtures.user(Groups.ADMIN))).includes("ANY-LAB")).isTrue();
    }

    private Invoice walk(Laboratory lab, Client client, InvoiceType type, InvoiceAction... actions) {
        Invoice invoice = invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), "JOB-T", null, type), "test");
        invoices.addLine(invoice.getId(), new LineRequest(LineKind.SAMPLE_TEST, "Soil", BigDecimal.ONE, new BigDecimal("10.00"), null), "test");
        for (InvoiceAction action : actions) {
            invoiceTasks.perform(invoice.getId(), action, null, admin);
            ProcessInstance instance = instanceOf(invoice.getId());
            if (instance != null) {
                assertThat(instance.getTenantId()).isEqualTo(lab.getCode());
                management.createJobQuery().processInstanceId(instance.getId()).list().forEach(job -> management.executeJob(job.getId()));
            }
        }
        return invoices.get(invoice.getId());
    }

    private ProcessInstance instanceOf(Long invoiceId) {
        return runtime.createProcessInstanceQuery().variableValueEquals("invoiceId", invoiceId).singleResult();
    }
}
