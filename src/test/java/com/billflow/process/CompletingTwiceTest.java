package com.billflow.process;

import com.billflow.common.IllegalStatusException;
import com.billflow.directory.Laboratory;
import com.billflow.directory.TransmitBy;
import com.billflow.security.Caller;
import com.billflow.security.Groups;
import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.billflow.support.RawHttp;
import com.billflow.surgicalcase.SurgicalCase;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.PROCESS_KEY;
import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.TASK_ADD_PURCHASE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two users completing the same step: one wins, the other learns it is done (409), never "forbidden" (403) or a 500. */
class CompletingTwiceTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    UserTasks userTasks;
    @Autowired
    TaskService tasks;

    @Test
    void completingATaskSomeoneJustCompletedIsAConflict() {
        // given two users who opened the same Add Purchase Order task
        SurgicalCase submitted = fixtures.submittedCase(false);
        Task task = userTasks.open(PROCESS_KEY, submitted.getCaseNumber(), TASK_ADD_PURCHASE_ORDER).orElseThrow();
        Caller first = fixtures.caller(fixtures.user(Groups.BILLING));
        Caller second = fixtures.caller(fixtures.user(Groups.BILLING));
        Map<String, Object> variables = Map.of("poAllManufacturers", "PO-1");
        userTasks.complete(task, variables, first);

        // when the second completes it too, then it is a conflict naming the task
        assertThatThrownBy(() -> userTasks.complete(task, variables, second))
                .isInstanceOf(IllegalStatusException.class)
                .hasMessageContaining("completed by someone else");
    }

    @Test
    void aRefusalOfSomeoneWithoutTheRightStaysForbidden() {
        SurgicalCase submitted = fixtures.submittedCase(false);
        Task task = userTasks.open(PROCESS_KEY, submitted.getCaseNumber(), TASK_ADD_PURCHASE_ORDER).orElseThrow();
        Caller office = fixtures.caller(fixtures.user(Groups.OFFICE_MANAGER));
        assertThatThrownBy(() -> userTasks.complete(task, Map.of("poAllManufacturers", "PO-1"), office))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @RepeatedTest(3)
    void twoOfficeManagersDraftingTheSameInvoiceAtOnce() throws Exception {
        // given an INITIAL invoice and two office managers
        Laboratory lab = fixtures.laboratory(false, false, false, false);
        Long invoiceId = fixtures.newInvoice(lab, fixtures.client(TransmitBy.EMAIL));
        RawHttp http = new RawHttp(port);
        List<String> users = List.of(fixtures.officeManagerOf(lab), fixtures.officeManagerOf(lab));
        CyclicBarrier start = new CyclicBarrier(users.size());

        // when both press "draft" at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        List<Future<RawHttp.Answer>> answers = new ArrayList<>();
        for (String user : users) {
            answers.add(pool.submit(() -> {
                start.await();
                return http.send("POST", "/api/invoices/" + invoiceId + "/draft", null, "Authorization", RawHttp.basic(user, Fixtures.PASSWORD));
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<RawHttp.Answer> answer : answers) {
            RawHttp.Answer a = answer.get();
            statuses.add(a.status());
            if (a.status() != 200) {
                a.assertContract(409, "");
            }
        }
        pool.shutdown();

        // then one drafted it and the other got a conflict
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(fixtures.invoiceStatus(invoiceId)).isEqualTo("DRAFT");
    }
}
