package com.billflow.surgicalcase.process;

/**
 * Ids and form fields of {@code processes/SurgicalCaseSubmission.bpmn}, Tasklist's "Submit surgical
 * case" (start form {@code forms/SubmitSurgicalCaseForm.form}).
 */
public final class SurgicalCaseSubmission {

    public static final String PROCESS_KEY = "SurgicalCaseSubmission";
    public static final String START_CASE_FORM_SUBMITTED = "StartEvent_CaseFormSubmitted";
    public static final String TASK_SUBMIT_CASE = "Task_SubmitCase";
    public static final String END_CASE_SUBMITTED = "EndEvent_CaseSubmitted";
    public static final String FORM_SUBMIT_SURGICAL_CASE = "SubmitSurgicalCaseForm";

    /** The form's case fields (Strings as Tasklist submits them; the date as YYYY-MM-DD). */
    public static final String FIELD_FACILITY = "facility";
    public static final String FIELD_SURGEON = "surgeon";
    public static final String FIELD_PROCEDURE = "procedure";
    public static final String FIELD_PROCEDURE_DATE = "procedureDate";
    public static final String FIELD_PATIENT_REF = "patientRef";
    public static final String FIELD_CURRENCY = "currency";
    public static final String FIELD_REP = "rep";

    /**
     * The form has this many line rows (line1Manufacturer .. line5UnitPrice): Tasklist 7.24 never
     * enables its button on a form with a dynamic list. A row without any value is left out.
     */
    public static final int LINE_ROWS = 5;
    public static final String LINE_MANUFACTURER = "Manufacturer";
    public static final String LINE_PART_NUMBER = "PartNumber";
    public static final String LINE_LOT = "Lot";
    public static final String LINE_SERIAL = "Serial";
    public static final String LINE_DESCRIPTION = "Description";
    public static final String LINE_QUANTITY = "Quantity";
    public static final String LINE_UNIT_PRICE = "UnitPrice";

    /** Left on the (ended) submission instance: the case it made, as in the billing process. */
    public static final String VAR_CASE_ID = SurgicalCaseBillingProcess.VAR_CASE_ID;
    public static final String VAR_CASE_NUMBER = SurgicalCaseBillingProcess.VAR_CASE_NUMBER;

    /** The form field of line {@code row} (1-based), e.g. {@code line(2, LINE_LOT)} is "line2Lot". */
    public static String line(int row, String field) {
        return "line" + row + field;
    }

    private SurgicalCaseSubmission() {
    }
}
