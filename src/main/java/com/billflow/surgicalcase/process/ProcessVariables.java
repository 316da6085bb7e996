package com.billflow.surgicalcase.process;

import com.billflow.common.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the case's variables the same way whether Tasklist (JSON) or the REST API (Java values) set them. */
final class ProcessVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessVariables() {
    }

    static Long caseId(VariableScope scope) {
        return ((Number) scope.getVariable(SurgicalCaseBillingProcess.VAR_CASE_ID)).longValue();
    }

    /** Who completed the task: the signed-in user (Tasklist or the REST call), else "system". */
    static String actor(DelegateExecution execution) {
        var current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : "system";
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    /** Manufacturer-to-PO rows as the JSON list variable the form and the process keep. */
    static SpinJsonNode poRows(Map<String, String> byManufacturer) {
        List<Map<String, String>> rows = byManufacturer.entrySet().stream().map(entry -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("manufacturer", entry.getKey());
            row.put("poNumber", entry.getValue() == null ? "" : entry.getValue());
            return row;
        }).toList();
        try {
            return Spin.JSON(JSON.writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PO rows always serialize", e);
        }
    }

    /** The per-manufacturer POs: a JSON list of {manufacturer, poNumber} rows, as the form's dynamic list holds them. */
    static Map<String, String> poByManufacturer(VariableScope scope) {
        Object value = scope.getVariable(SurgicalCaseBillingProcess.VAR_PO_BY_MANUFACTURER);
        if (value == null) {
            return Map.of();
        }
        List<Map<String, Object>> rows;
        try {
            String json = value instanceof SpinJsonNode node ? node.toString() : value instanceof String s ? s : JSON.writeValueAsString(value);
            rows = JSON.readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException | ClassCastException e) {
            throw new InvalidInputException("poByManufacturer must be a list of {manufacturer, poNumber}");
        }
        Map<String, String> byManufacturer = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Object manufacturer = row.get("manufacturer");
            Object poNumber = row.get("poNumber");
            if (manufacturer != null) {
                byManufacturer.put(manufacturer.toString(), poNumber == null ? null : poNumber.toString());
            }
        }
        return byManufacturer;
    }
}
