package com.billflow.invoice.process;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import static com.billflow.invoice.process.ProductionInvoiceProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of processes/InvoiceAutomation.dmn, evaluated by Camunda's DMN engine as the
 * business rule tasks do, and the README's example of a rule an analyst adds.
 */
class InvoiceAutomationDecisionsTest {

    private static final File DMN = new File("processes/InvoiceAutomation.dmn");
    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest(name = "{0} with the laboratory flag {1} -> {2}")
    @CsvSource({
            "AutoAuthorise, true, true", "AutoAuthorise, false, false",
            "AutoTransmit, true, true", "AutoTransmit, false, false",
            "AutoBook, true, true", "AutoBook, false, false",
            "AutoBookCreditNote, true, true", "AutoBookCreditNote, false, false"})
    void theDefaultRulesFollowTheLaboratorysFlag(String decisionKey, boolean flag, boolean expected) {
        // given an invoice of any size, client and channel
        Map<String, Object> facts = facts(flag, 123_456.78, "RHEINWASSER", "FAX");

        // when / then
        assertThat(evaluate(Dmn.readModelFromFile(DMN), decisionKey, facts)).isEqualTo(expected);
    }

    @Test
    void everyTableDecidesEveryInvoiceAndEndsWithTheDefaultRows() {
        DmnModelInstance model = Dmn.readModelFromFile(DMN);
        for (String key : new String[]{DECISION_AUTO_AUTHORISE, DECISION_AUTO_TRANSMIT, DECISION_AUTO_BOOK, DECISION_AUTO_BOOK_CREDIT_NOTE}) {
            DecisionTable table = model.getModelElementById("DecisionTable_" + key);
            assertThat(table.getHitPolicy().name()).as(key).isEqualTo("FIRST");
            assertThat(table.getOutputs()).as(key).singleElement().satisfies(output -> assertThat(output.getName()).isEqualTo(
                    Character.toLowerCase(key.charAt(0)) + key.substring(1)));
            Rule last = table.getRules().stream().reduce((a, b) -> b).orElseThrow();
            assertThat(last.getInputEntries()).as(key + ": the last row matches every invoice").allSatisfy(entry -> assertThat(entry.getText().getTextContent()).isBlank());
        }
    }

    @Test
    void anAnalystsRowAboveTheDefaultsAuthorisesOnlyBelowAThreshold() {
        // given the row of the README: "auto-authorise only below 5,000"
        DmnModelInstance model = Dmn.readModelFromFile(DMN);
        addRowOnTop(model, DECISION_AUTO_AUTHORISE, Map.of(2, ">= 5000"), "false");

        // then a laboratory that authorises by itself still does so for small invoices, not for large ones
        assertThat(evaluate(model, DECISION_AUTO_AUTHORISE, facts(true, 4_999.99, "RHEINWASSER", "EMAIL"))).isTrue();
        assertThat(evaluate(model, DECISION_AUTO_AUTHORISE, facts(true, 5_000.00, "RHEINWASSER", "EMAIL"))).isFalse();
        assertThat(evaluate(model, DECISION_AUTO_AUTHORISE, facts(false, 10.00, "RHEINWASSER", "EMAIL"))).isFalse();
    }

    @Test
    void anAnalystsRowNeverTransmitsToOneClient() {
        // given "never auto-transmit to this client"
        DmnModelInstance model = Dmn.readModelFromFile(DMN);
        addRowOnTop(model, DECISION_AUTO_TRANSMIT, Map.of(4, "\"RHEINWASSER\""), "false");

        // then
        assertThat(evaluate(model, DECISION_AUTO_TRANSMIT, facts(true, 10.00, "RHEINWASSER", "EMAIL"))).isFalse();
        assertThat(evaluate(model, DECISION_AUTO_TRANSMIT, facts(true, 10.00, "DONAUKRAFT", "EMAIL"))).isTrue();
    }

    private boolean evaluate(DmnModelInstance model, String decisionKey, Map<String, Object> facts) {
        DmnDecision decision = engine.parseDecision(decisionKey, model);
        Object result = engine.evaluateDecisionTable(decision, facts).getSingleResult().getSingleEntry();
        return (Boolean) result;
    }

    /** As an analyst does in the Modeler: a new first row; {@code entries} by input column (0 = the laboratory's flag). */
    private static void addRowOnTop(DmnModelInstance model, String decisionKey, Map<Integer, String> entries, String output) {
        DecisionTable table = model.getModelElementById("DecisionTable_" + decisionKey);
        Rule rule = model.newInstance(Rule.class);
        for (int column = 0; column < table.getInputs().size(); column++) {
            InputEntry entry = model.newInstance(InputEntry.class);
            Text text = model.newInstance(Text.class);
            text.setTextContent(entries.getOrDefault(column, ""));
            entry.setText(text);
            rule.getInputEntries().add(entry);
        }
        OutputEntry result = model.newInstance(OutputEntry.class);
        Text text = model.newInstance(Text.class);
        text.setTextContent(output);
        result.setText(text);
        rule.getOutputEntries().add(result);
        // the model API appends: take the existing rows off and add them back after the new one
        var existing = new java.util.ArrayList<>(table.getRules());
        existing.forEach(table.getRules()::remove);
        table.getRules().add(rule);
        table.getRules().addAll(existing);
    }

    private static Map<String, Object> facts(boolean flag, double total, String client, String channel) {
        Map<String, Object> facts = new HashMap<>();
        facts.put(VAR_LABORATORY_AUTO_AUTHORISE, flag);
        facts.put(VAR_LABORATORY_AUTO_TRANSMIT, flag);
        facts.put(VAR_LABORATORY_AUTO_BOOK, flag);
        facts.put(VAR_LABORATORY_AUTO_BOOK_CREDIT_NOTES, flag);
        facts.put(VAR_INVOICE_TYPE, "PRODUCTION");
        facts.put(VAR_INVOICE_TOTAL, total);
        facts.put(VAR_INVOICE_CURRENCY, "EUR");
        facts.put(VAR_CLIENT_CODE, client);
        facts.put(VAR_TRANSMIT_BY, channel);
        return facts;
    }
}
