package com.billflow.invoice.process;

import com.billflow.common.IllegalStatusException;
import com.billflow.directory.Client;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.invoice.CreateInvoiceRequest;
import com.billflow.invoice.Invoice;
import com.billflow.invoice.InvoiceAction;
import com.billflow.invoice.InvoiceService;
import com.billflow.invoice.InvoiceStatus;
import com.billflow.invoice.InvoiceType;
import com.billflow.invoice.LineKind;
import com.billflow.invoice.LineRequest;
import com.billflow.security.Caller;
import com.billflow.support.IntegrationTest;
import com.billflow.support.Mails;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;
import static com.billflow.invoice.process.ProposalInvoiceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

/** Every path of ProposalInvoiceProcess, through the same REST entry point a console uses. */
class ProposalInvoiceProcessTest extends IntegrationTest {

    /** An office manager of every laboratory the test makes (see authorisedProposal). */
    private Caller office;

    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceTasks tasks;

    @BeforeEach
    void officeManager() {
        office = fixtures.caller(fixtures.officeManagerOf());
    }

    @Test
    void aSentProposalAcceptedBecomesTheJobsProductionInvoice() throws Exception {
        // given an authorised proposal for a client who wants email
        Laboratory lab = fixtures.laboratory(true, true, true, false);
        Client client = fixtures.client(TransmitBy.EMAIL);
        Invoice proposal = authorisedProposal(lab, client);
        ProcessInstance pi = processOf(proposal);
        assertThat(pi).isWaitingAt(TASK_SEND_PROPOSAL);
        assertThat(invoices.get(proposal.getId()).getNumber()).startsWith(lab.getCode() + "-PR-");

        // then transmit, book, pay and credit are refused
        for (InvoiceAction refused : List.of(InvoiceAction.TRANSMIT, InvoiceAction.BOOK, InvoiceAction.PAY, InvoiceAction.CREDIT)) {
            assertThatThrownBy(() -> tasks.perform(proposal.getId(), refused, null, office)).isInstanceOf(IllegalStatusException.class)
                    .hasMessageContaining("is AUTHORISED").hasMessageContaining("Allowed actions: unauthorise, send, cancel");
        }

        // when sent
        tasks.perform(proposal.getId(), InvoiceAction.SEND, null, office);
        assertThat(pi).isWaitingAt(TASK_DELIVER_PROPOSAL);
        execute(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult());

        // then exactly one mail with the proposal PDF, and the proposal cannot change any more
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(Mails.pdfText(smtp.getReceivedMessages()[0])).contains("PROPOSAL", invoices.get(proposal.getId()).getNumber());
        assertThat(invoices.get(proposal.getId()).getStatus()).isEqualTo(InvoiceStatus.SENT);
        assertThat(pi).isWaitingAt(TASK_RECORD_PROPOSAL_RESPONSE);
        for (InvoiceAction refused : List.of(InvoiceAction.CANCEL, InvoiceAction.UNAUTHORISE, InvoiceAction.SEND)) {
            assertThatThrownBy(() -> tasks.perform(proposal.getId(), refused, "r", office)).isInstanceOf(IllegalStatusException.class);
        }
        assertThatThrownBy(() -> invoices.addLine(proposal.getId(), line(), "office")).isInstanceOf(IllegalStatusException.class);

        // when accepted
        Invoice accepted = tasks.perform(proposal.getId(), InvoiceAction.ACCEPT, null, office);

        // then the job's production invoice exists, INITIAL with the proposal's lines, linked both ways, with its own process
        assertThat(pi).isEnded().hasPassed(END_PROPOSAL_ACCEPTED);
        assertThat(accepted.getStatus()).isEqualTo(InvoiceStatus.ACCEPTED);
        Invoice production = invoices.get(accepted.getProductionInvoiceId());
        assertThat(production.getType()).isEqualTo(InvoiceType.PRODUCTION);
        assertThat(production.getStatus()).isEqualTo(InvoiceStatus.INITIAL);
        assertThat(production.getProposalId()).isEqualTo(proposal.getId());
        assertThat(production.total().isEqualTo(accepted.total())).isTrue();
        assertThat(production.getJobNumber()).isEqualTo(accepted.getJobNumber());
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(ProductionInvoiceProcess.PROCESS_KEY)
                .variableValueEquals(VAR_INVOICE_ID, production.getId()).singleResult()).isWaitingAt(TASK_PREPARE_INVOICE);
    }

    @Test
    void theClientRejectsASentProposal() {
        Invoice proposal = authorisedProposal(fixtures.laboratory(false, false, false, false), fixtures.client(TransmitBy.MAIL));
        ProcessInstance pi = processOf(proposal);
        tasks.perform(proposal.getId(), InvoiceAction.SEND, null, office);
        execute(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult());
        assertThatThrownBy(() -> tasks.perform(proposal.getId(), InvoiceAction.REJECT, null, office)).hasMessageContaining("A reason is required");
        tasks.perform(proposal.getId(), InvoiceAction.REJECT, "Too expensive", office);
        assertThat(pi).isEnded().hasPassed(END_PROPOSAL_REJECTED);
        assertThat(invoices.get(proposal.getId()).getStatus()).isEqualTo(InvoiceStatus.REJECTED);
    }

    @Test
    void anAuthorisedProposalCanBeUnauthorisedOrCancelled() {
        Invoice proposal = authorisedProposal(fixtures.laboratory(false, false, false, false), fixtures.client(TransmitBy.FAX));
        ProcessInstance pi = processOf(proposal);
        tasks.perform(proposal.getId(), InvoiceAction.UNAUTHORISE, null, office);
        assertThat(pi).isWaitingAt(TASK_AUTHORISE_INVOICE);
        assertThat(invoices.get(proposal.getId()).getStatus()).isEqualTo(InvoiceStatus.RELEASED);
        tasks.perform(proposal.getId(), InvoiceAction.CANCEL, "Client went elsewhere", office);
        assertThat(pi).isEnded().hasPassed(END_PROPOSAL_CANCELLED);
        assertThat(invoices.get(proposal.getId()).getStatus()).isEqualTo(InvoiceStatus.CANCELLED);
    }

    /** Laboratory automation is for invoices: a proposal is always authorised by a person. */
    private Invoice authorisedProposal(Laboratory lab, Client client) {
        fixtures.manages(office.userId(), lab);
        Invoice proposal = invoices.create(new CreateInvoiceRequest(lab.getCode(), client.getCode(), "JOB-P", null, InvoiceType.PROPOSAL), "office");
        invoices.addLine(proposal.getId(), line(), "office");
        for (InvoiceAction action : List.of(InvoiceAction.DRAFT, InvoiceAction.RELEASE, InvoiceAction.AUTHORISE)) {
            tasks.perform(proposal.getId(), action, null, office);
        }
        return invoices.get(proposal.getId());
    }

    private static LineRequest line() {
        return new LineRequest(LineKind.SAMPLE_TEST, "Soil survey", new BigDecimal("4"), new BigDecimal("75.00"), null);
    }

    private static ProcessInstance processOf(Invoice proposal) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(ProposalInvoiceProcess.PROCESS_KEY)
                .variableValueEquals(VAR_INVOICE_ID, proposal.getId()).singleResult();
    }
}
