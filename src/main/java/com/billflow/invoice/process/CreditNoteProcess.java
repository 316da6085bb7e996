package com.billflow.invoice.process;

/** Ids of {@code processes/CreditNoteProcess.bpmn}; its user tasks share ids and forms with the production invoice, under their own names ("Authorise Credit Note"). */
public final class CreditNoteProcess {

    public static final String PROCESS_KEY = "CreditNoteProcess";

    public static final String TASK_DECIDE_AUTO_BOOK_CREDIT_NOTE = "Task_DecideAutoBookCreditNote";
    public static final String TASK_BOOK_CREDIT_NOTE_AUTOMATICALLY = "Task_BookCreditNoteAutomatically";
    public static final String END_CREDIT_NOTE_BOOKED = "EndEvent_CreditNoteBooked";
    public static final String END_CREDIT_NOTE_REJECTED = "EndEvent_CreditNoteRejected";

    private CreditNoteProcess() {
    }
}
