package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCase;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/** Starts and cancels a case's billing process; called by the case service inside its transaction. */
@Component
public class SurgicalCaseWorkflow {

    private final RuntimeService runtime;
    private final CaseAuthorizations authorizations;

    SurgicalCaseWorkflow(RuntimeService runtime, CaseAuthorizations authorizations) {
        this.runtime = runtime;
        this.authorizations = authorizations;
    }

    /** Starts the case's process and lets the case's rep (and no other rep) read its instance and history. */
    public void start(SurgicalCase surgicalCase) {
        ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(surgicalCase.getCaseNumber())
                .setVariables(Variables.createVariables()
                        .putValue(VAR_CASE_ID, surgicalCase.getId())
                        .putValue(VAR_CASE_NUMBER, surgicalCase.getCaseNumber())
                        .putValue(VAR_REP, surgicalCase.getRep())
                        .putValue(VAR_PO_ALL_MANUFACTURERS, "")
                        .putValue(VAR_PO_BY_MANUFACTURER, ProcessVariables.poRows(emptyPoNumbers(surgicalCase.manufacturers()))))
                .execute();
        authorizations.grantToRep(instance.getId(), surgicalCase.getRep());
    }

    /** Ends the process through its "Case cancelled" message event, removing the open task. */
    public void cancel(SurgicalCase surgicalCase) {
        runtime.createMessageCorrelation(MESSAGE_CASE_CANCELLED)
                .processInstanceBusinessKey(surgicalCase.getCaseNumber())
                .processInstanceVariableEquals(VAR_CASE_ID, surgicalCase.getId())
                .correlate();
    }

    /** One row per manufacturer for the form, PO left empty. */
    private static Map<String, String> emptyPoNumbers(List<String> manufacturers) {
        Map<String, String> empty = new LinkedHashMap<>();
        manufacturers.forEach(manufacturer -> empty.put(manufacturer, ""));
        return empty;
    }
}
