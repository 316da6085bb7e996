package com.billflow.surgicalcase.process;

import com.billflow.surgicalcase.SurgicalCase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;

/** Starts and cancels a case's billing process; called by the case service inside its transaction. */
@Component
public class SurgicalCaseWorkflow {

    private final RuntimeService runtime;
    private final ObjectMapper json;

    SurgicalCaseWorkflow(RuntimeService runtime, ObjectMapper json) {
        this.runtime = runtime;
        this.json = json;
    }

    public void start(SurgicalCase surgicalCase) {
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(surgicalCase.getCaseNumber())
                .setVariables(Variables.createVariables()
                        .putValue(VAR_CASE_ID, surgicalCase.getId())
                        .putValue(VAR_CASE_NUMBER, surgicalCase.getCaseNumber())
                        .putValue(VAR_REP, surgicalCase.getRep())
                        .putValue(VAR_PO_ALL_MANUFACTURERS, "")
                        .putValueTyped(VAR_PO_BY_MANUFACTURER, SpinValues.jsonValue(emptyPoRows(surgicalCase.manufacturers())).create()))
                .execute();
    }

    /** Ends the process through its "Case cancelled" message event, removing the open task. */
    public void cancel(SurgicalCase surgicalCase) {
        runtime.createMessageCorrelation(MESSAGE_CASE_CANCELLED)
                .processInstanceBusinessKey(surgicalCase.getCaseNumber())
                .processInstanceVariableEquals(VAR_CASE_ID, surgicalCase.getId())
                .correlate();
    }

    /** One row per manufacturer for the form's dynamic list, PO left empty. */
    private String emptyPoRows(List<String> manufacturers) {
        List<Map<String, String>> rows = manufacturers.stream().map(manufacturer -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("manufacturer", manufacturer);
            row.put("poNumber", "");
            return row;
        }).toList();
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Manufacturer names always serialize", e);
        }
    }
}
