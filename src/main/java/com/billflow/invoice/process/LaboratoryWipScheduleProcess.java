package com.billflow.invoice.process;

/**
 * Ids and variables of {@code processes/LaboratoryWipScheduleProcess.bpmn}: a timer (month end,
 * 18:00, unless an analyst changed its cycle in Modeler) makes WIP documents of every INITIAL
 * invoice of each laboratory that asked ({@link com.billflow.invoice.WipSchedule}), one retried job
 * per laboratory.
 */
public final class LaboratoryWipScheduleProcess {

    public static final String PROCESS_KEY = "LaboratoryWipScheduleProcess";

    public static final String START_SCHEDULE_DUE = "StartEvent_WipScheduleDue";
    public static final String TASK_MAKE_WIP_DOCUMENTS = "Task_MakeWipDocuments";
    public static final String END_WIP_DOCUMENTS_MADE = "EndEvent_WipDocumentsMade";
    /** Suffix of the multi-instance body's activity id, where the instance waits for the job that finds the laboratories. */
    public static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    /** One laboratory's code: the multi-instance element variable of {@link #TASK_MAKE_WIP_DOCUMENTS}. */
    public static final String VAR_LABORATORY_CODE = "laboratoryCode";
    /** How many WIP documents the laboratory's job made (an Integer, local to its inner instance), for Cockpit's history. */
    public static final String VAR_WIP_DOCUMENTS_MADE = "wipDocumentsMade";

    private LaboratoryWipScheduleProcess() {
    }
}
