package com.billflow.surgicalcase.process;

import com.billflow.process.RetriedJobsRunNow;
import com.billflow.security.Groups;
import com.billflow.support.IntegrationTest;
import com.billflow.surgicalcase.SurgicalCase;
import com.billflow.surgicalcase.SurgicalCaseInvoicing;
import com.billflow.surgicalcase.SurgicalCaseService;
import com.billflow.surgicalcase.SurgicalCaseStatus;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

import static com.billflow.surgicalcase.process.SurgicalCaseBillingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** The invoice mail survives an SMTP outage and is never sent twice. */
class InvoiceEmailDeliveryTest extends IntegrationTest {

    @Autowired
    SurgicalCaseService cases;
    @Autowired
    SurgicalCaseInvoicing invoicing;
    @Autowired
    ManagementService management;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    RetriedJobsRunNow retriedJobs;

    @Test
    void smtpOutageEndsAsAnIncidentAndTheRetryAfterwardsSendsExactlyOneMail() {
        // given an invoice queued for email
        ProcessInstance pi = caseWaitingToBeEmailed();

        // when the SMTP server is down and every retry fails
        Job emailJob = emailJobOutOfRetries(pi);

        // then an incident shows in Cockpit and the case is intact
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(pi).isWaitingAt(TASK_EMAIL_INVOICE);
        SurgicalCase intact = caseOf(pi);
        assertThat(intact.getStatus()).isEqualTo(SurgicalCaseStatus.PENDING_PAYMENT);
        assertThat(intact.getInvoiceSentAt()).isNull();

        // when the server is back and operations retry the job
        smtp.start();
        assertThat(management.createJobQuery().jobId(emailJob.getId()).singleResult().getDuedate()).isInTheFuture();
        retryAsOperator(emailJob);

        // then the job is due at once, as the job executor sees it, not at its old retry time
        assertThat(management.createJobQuery().jobId(emailJob.getId()).executable().count()).isEqualTo(1);
        management.executeJob(emailJob.getId());

        // then exactly one mail, and the process goes on
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).isWaitingAt(TASK_MARK_INVOICE_PAID, TASK_MARK_COMMISSION_PAID);
        assertThat(caseOf(pi).getInvoiceSentAt()).isNotNull();
    }

    @Test
    void aRetryIsRunAtOnceAlsoAfterACheckWhileTheClockWasAhead() {
        // given the email job out of retries
        ProcessInstance pi = caseWaitingToBeEmailed();
        Job emailJob = emailJobOutOfRetries(pi);
        smtp.start();
        // and the retry check last ran while the clock was three days ahead (a wall clock stepped back by NTP does the same)
        clock.advance(Duration.ofDays(3));
        retriedJobs.run();
        clock.reset();

        // when operations retry the job
        retryAsOperator(emailJob);

        // then it is due at once; run here, so that no other test's "run every due job" sends this test's mail
        assertThat(management.createJobQuery().jobId(emailJob.getId()).executable().count()).isEqualTo(1);
        management.executeJob(emailJob.getId());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    /** Stops the SMTP server and runs the case's email job until its retries are used up, each run failing; the job. */
    private Job emailJobOutOfRetries(ProcessInstance pi) {
        Job job = job(TASK_EMAIL_INVOICE, pi);
        smtp.stop();
        for (int attempt = 0; attempt < 5 && management.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
        }
        return job;
    }

    /** An administrator's "Retry" (one retry), then the check that moves retried jobs to now. */
    private void retryAsOperator(Job job) {
        identityService().setAuthentication(fixtures.user(Groups.ADMIN), List.of(Groups.ADMIN));
        try {
            management.setJobRetries(job.getId(), 1);
        } finally {
            identityService().clearAuthentication();
        }
        retriedJobs.run();
    }

    @Test
    void aRetryAfterTheServerAcceptedTheMailDoesNotSendASecondCopy() {
        // given a send whose transaction failed after the SMTP server had accepted the mail
        ProcessInstance pi = caseWaitingToBeEmailed();
        Long caseId = caseOf(pi).getId();
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            invoicing.emailInvoice(caseId);
            tx.setRollbackOnly();
        });
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(caseOf(pi).getInvoiceSentAt()).isNull();

        // when the job runs again
        execute(job(TASK_EMAIL_INVOICE, pi));

        // then no second copy, and the send is recorded
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(caseOf(pi).getInvoiceSentAt()).isNotNull();
    }

    private ProcessInstance caseWaitingToBeEmailed() {
        SurgicalCase submitted = fixtures.submittedCase(false);
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(submitted.getCaseNumber()).singleResult();
        assertThat(pi).isWaitingAt(TASK_ADD_PURCHASE_ORDER);
        complete(task(), withVariables(VAR_PO_ALL_MANUFACTURERS, "PO-9"));
        execute(job(TASK_GENERATE_INVOICE, pi));
        assertThat(pi).isWaitingAt(TASK_SEND_INVOICE);
        complete(task(), withVariables(VAR_SEND_INVOICE_BY, "EMAIL"));
        assertThat(pi).isWaitingAt(TASK_EMAIL_INVOICE);
        return pi;
    }

    private SurgicalCase caseOf(ProcessInstance pi) {
        return cases.get((Long) runtimeService().getVariable(pi.getId(), VAR_CASE_ID));
    }
}
