package com.billflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards what a process analyst may break in the Modeler without noticing: every model parses,
 * has meaningful ids, a history time to live, its diagram, delegates as Spring beans (never
 * camunda:class), and forms that exist in forms/.
 */
class ProcessModelsTest {

    /** Ids the Modeler generates ("Activity_0x1y2z3", "Flow_1abcdef", "Gateway_0abc123", "StartEvent_1"). */
    private static final Pattern GENERATED_ID = Pattern.compile(
            "^(Activity|Flow|Gateway|Event|StartEvent|EndEvent|Task|SequenceFlow|Process|Participant|Lane|DataObject|TextAnnotation|Association)"
                    + "_(?=[a-z]*[0-9])[0-9a-z]{7}$|^[A-Za-z]+_\\d+$|^sid-.*|^id_.*");
    private static final int MAX_SCHEMA_VERSION = 16;

    @Test
    void everyFormIsACamundaFormTasklistCanRender() throws IOException {
        for (File file : files("forms", ".form")) {
            JsonNode form = new ObjectMapper().readTree(file);
            assertThat(form.get("id").asText()).as(file.getName()).isEqualTo(file.getName().replace(".form", ""));
            assertThat(form.get("schemaVersion").asInt()).as(file.getName() + " schemaVersion").isLessThanOrEqualTo(MAX_SCHEMA_VERSION);
            assertThat(form.get("components").size()).as(file.getName()).isPositive();
        }
    }

    @Test
    void everyModelIsExecutableByAnAnalystsRules() throws IOException {
        Map<String, File> forms = new HashMap<>();
        for (File form : files("forms", ".form")) {
            forms.put(new ObjectMapper().readTree(form).get("id").asText(), form);
        }
        List<String> problems = new ArrayList<>();
        for (File file : files("processes", ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file);
            Bpmn.validateModel(model);
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (!file.getName().equals(process.getId() + ".bpmn")) {
                    problems.add(file.getName() + ": the file must be named after its process id " + process.getId());
                }
                if (process.getCamundaHistoryTimeToLiveString() == null) {
                    problems.add(file.getName() + ": process " + process.getId() + " has no historyTimeToLive");
                }
            }
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                String id = element.getId();
                if (id != null && GENERATED_ID.matcher(id).matches() && !(element instanceof org.camunda.bpm.model.bpmn.instance.Definitions)) {
                    problems.add(file.getName() + ": generated id " + id + " (" + element.getElementType().getTypeName() + ")");
                }
                if (element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "class") != null) {
                    problems.add(file.getName() + ": " + id + " uses camunda:class; wire a Spring bean with camunda:delegateExpression");
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                if (formRef == null || !forms.containsKey(formRef)) {
                    problems.add(file.getName() + ": user task " + task.getId() + " refers to form '" + formRef + "' that no forms/*.form defines");
                }
                if (!"deployment".equals(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"))) {
                    problems.add(file.getName() + ": user task " + task.getId() + " must bind its form with formRefBinding=\"deployment\"");
                }
            }
            List<String> shown = model.getModelElementsByType(BpmnShape.class).stream()
                    .map(shape -> shape.getBpmnElement()).filter(e -> e != null).map(BaseElement::getId).toList();
            for (org.camunda.bpm.model.bpmn.instance.FlowNode node : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)) {
                if (!shown.contains(node.getId())) {
                    problems.add(file.getName() + ": " + node.getId() + " has no shape in the diagram");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theGuardRecognisesGeneratedIds() {
        assertThat(GENERATED_ID.matcher("Activity_0x1y2z3").matches()).isTrue();
        assertThat(GENERATED_ID.matcher("Flow_1abcdef").matches()).isTrue();
        assertThat(GENERATED_ID.matcher("StartEvent_1").matches()).isTrue();
        assertThat(GENERATED_ID.matcher("Task_AddPurchaseOrder").matches()).isFalse();
        assertThat(GENERATED_ID.matcher("SequenceFlow_AutoSendYes").matches()).isFalse();
        assertThat(GENERATED_ID.matcher("SequenceFlow_Release").matches()).isFalse();
    }

    private static List<File> files(String directory, String suffix) {
        File[] found = new File(directory).listFiles((dir, name) -> name.endsWith(suffix));
        assertThat(found).as("files in " + directory).isNotEmpty();
        return Arrays.stream(found).sorted().toList();
    }

}
