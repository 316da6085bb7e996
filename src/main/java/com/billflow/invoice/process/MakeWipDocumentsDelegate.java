package com.billflow.invoice.process;

import com.billflow.invoice.WipSchedule;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.billflow.invoice.process.LaboratoryWipScheduleProcess.VAR_LABORATORY_CODE;
import static com.billflow.invoice.process.LaboratoryWipScheduleProcess.VAR_WIP_DOCUMENTS_MADE;

/** {@code Task_MakeWipDocuments}: the WIP documents of one laboratory's INITIAL invoices ({@link WipSchedule#makeWipDocuments}). */
@Component("makeWipDocumentsDelegate")
class MakeWipDocumentsDelegate implements JavaDelegate {

    private final WipSchedule schedule;

    MakeWipDocumentsDelegate(WipSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String laboratoryCode = (String) execution.getVariable(VAR_LABORATORY_CODE);
        execution.setVariableLocal(VAR_WIP_DOCUMENTS_MADE, schedule.makeWipDocuments(laboratoryCode));
    }
}
