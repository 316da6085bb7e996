package com.billflow.process;

import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.support.RawHttp;
import com.billflow.surgicalcase.SurgicalCase;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Arrays;
import java.util.List;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_ADD_PURCHASE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 7 §6: a refused form input is the user's mistake, logged as one line at INFO; ERROR and
 * stack traces stay for faults, so operations can alert on them.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedInputLoggingTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    @Test
    void aRefusedFormInputIsOneInfoLine(CapturedOutput output) {
        // given an open Add Purchase Order task of a rep
        SurgicalCase submitted = fixtures.submittedCase(false);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(submitted.getCaseNumber())
                .taskDefinitionKey(TASK_ADD_PURCHASE_ORDER).singleResult().getId();
        int before = output.getOut().length();

        // when Tasklist submits the form with a blank PO
        RawHttp.Answer answer = new RawHttp(port).send("POST", "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"poAllManufacturers\":{\"value\":\"   \",\"type\":\"String\"}}}",
                "Authorization", RawHttp.basic(submitted.getRep(), Fixtures.PASSWORD), "Content-Type", "application/json");

        // then the user gets a 400 and the log one INFO line, no ERROR, no WARN, no stack trace
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        List<String> logged = Arrays.stream(output.getOut().substring(before).split("\\R")).filter(l -> !l.isBlank()).toList();
        assertThat(logged).noneMatch(line -> line.contains(" ERROR ") || line.contains(" WARN "));
        assertThat(logged).noneMatch(line -> line.contains("ENGINE-16004") || line.contains("HTTP500") || line.startsWith("\tat "));
        assertThat(logged).filteredOn(line -> line.contains(" INFO ") && line.contains("Refused")).hasSize(1);
    }

    @Test
    void aRefusedApiInputLogsNoErrorEither(CapturedOutput output) {
        SurgicalCase submitted = fixtures.submittedCase(false);
        int before = output.getOut().length();
        RawHttp.Answer answer = new RawHttp(port).send("PUT", "/api/surgical-cases/" + submitted.getId() + "/purchase-orders",
                "{\"allManufacturers\":\"   \"}", "Authorization", RawHttp.basic(submitted.getRep(), Fixtures.PASSWORD),
                "Content-Type", "application/json");
        answer.assertContract(400, "PO");
        String logged = output.getOut().substring(before);
        assertThat(logged).doesNotContain(" ERROR ").doesNotContain("ENGINE-16004").doesNotContain("\tat ");
    }

    @Test
    void aRealFaultStillLogsError(CapturedOutput output) {
        int before = output.getOut().length();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("NoSuchProcess")).isInstanceOf(ProcessEngineException.class);
        assertThat(output.getOut().substring(before)).contains(" ERROR ").contains("ENGINE-16004");
    }
}
