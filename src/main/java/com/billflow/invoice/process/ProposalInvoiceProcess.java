package com.billflow.invoice.process;

/**
 * Ids of {@code processes/ProposalInvoiceProcess.bpmn}. Up to AUTHORISED it shares the user task
 * ids, forms and variables of {@link ProductionInvoiceProcess}; then the proposal is sent and the
 * client's answer recorded.
 */
public final class ProposalInvoiceProcess {

    public static final String PROCESS_KEY = "ProposalInvoiceProcess";

    public static final String TASK_SEND_PROPOSAL = "Task_SendProposal";
    public static final String TASK_DELIVER_PROPOSAL = "Task_DeliverProposal";
    public static final String TASK_RECORD_PROPOSAL_RESPONSE = "Task_RecordProposalResponse";

    public static final String END_PROPOSAL_ACCEPTED = "EndEvent_ProposalAccepted";
    public static final String END_PROPOSAL_REJECTED = "EndEvent_ProposalRejected";
    public static final String END_PROPOSAL_CANCELLED = "EndEvent_ProposalCancelled";

    private ProposalInvoiceProcess() {
    }
}
