package com.billflow.invoice.process;

/** Ids of {@code processes/CreditNoteProcess.bpmn}; its user tasks share ids and forms with the production invoice. */
public final class CreditNoteProcess {

    public static final String PROCESS_KEY = "CreditNoteProcess";

    public static final String TASK_BOOK_CREDIT_NOTE_AUTOMATICALLY = "Task_BookCreditNoteAutomatically";
    public static final String END_CREDIT_NOTE_BOOKED = "EndEvent_CreditNoteBooked";
    public static final String END_CREDIT_NOTE_REJECTED = "EndEvent_CreditNoteRejected";

    private CreditNoteProcess() {
    }
}
