package com.billflow.surgicalcase.process;

import com.billflow.process.FormVariables;
import com.billflow.surgicalcase.CaseSummary;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Add Purchase Order form's data. On create: the case's lines and total as a task-local
 * text (display only, rendered from the database, gone with the task; stored as a JSON value,
 * which has no length limit, see {@link FormVariables}). On complete: the form's
 * per-manufacturer fields poNumber1..poNumber10, whose labels come from the prefilled
 * {@code poByManufacturer} rows, are folded back into that list variable. The form does not use
 * a dynamic list because Tasklist 7.24 never enables Complete on a form that contains one.
 */
@Component("addPurchaseOrderFormData")
class AddPurchaseOrderFormData implements TaskListener {

    static final String VAR_PO_PER_MANUFACTURER = "poPerManufacturer";
    static final String VAR_PO_NUMBER_PREFIX = "poNumber";
    static final int FORM_SLOTS = 10;

    private final CaseSummary summary;

    AddPurchaseOrderFormData(CaseSummary summary) {
        this.summary = summary;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(SurgicalCaseBillingProcess.VAR_CASE_SUMMARY, FormVariables.text(summary.markdown(ProcessVariables.caseId(task))));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName()) && ProcessVariables.flag(task, VAR_PO_PER_MANUFACTURER)) {
            List<String> manufacturers = List.copyOf(ProcessVariables.poByManufacturer(task).keySet());
            Map<String, String> entered = new LinkedHashMap<>();
            for (int slot = 1; slot <= Math.min(FORM_SLOTS, manufacturers.size()); slot++) {
                entered.put(manufacturers.get(slot - 1), ProcessVariables.string(task, VAR_PO_NUMBER_PREFIX + slot));
            }
            task.getExecution().setVariable(SurgicalCaseBillingProcess.VAR_PO_BY_MANUFACTURER, ProcessVariables.poRows(entered));
        }
    }
}
