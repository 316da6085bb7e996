package com.billflow.invoice.process;

/** Ids of {@code processes/ProposalInvoiceProcess.bpmn}. */
public final class ProposalInvoiceProcess {

    public static final String PROCESS_KEY = "ProposalInvoiceProcess";

    private ProposalInvoiceProcess() {
    }
}
