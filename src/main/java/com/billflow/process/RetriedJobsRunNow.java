package com.billflow.process;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A failed job that an operator retries (Cockpit's "Retry", {@code PUT /engine-rest/job/{id}/retries},
 * or the same for a job definition) runs at once. Camunda keeps the job's due date from its last
 * failure (up to the retry interval, {@code R3/PT5M}, ahead) unless the operator picks a new one, so
 * the job would wait for minutes. Every few seconds this reads the engine's user operation log for
 * new "SetJobRetries" entries and moves those jobs' due date to now. Public engine API only; several
 * nodes may do it at once (the result is the same).
 */
@Component
public class RetriedJobsRunNow {

    private static final Logger LOG = LoggerFactory.getLogger(RetriedJobsRunNow.class);

    private final HistoryService history;
    private final ManagementService management;
    private final Clock clock;
    private Instant checkedUntil;

    RetriedJobsRunNow(HistoryService history, ManagementService management, Clock clock) {
        this.history = history;
        this.management = management;
        this.clock = clock;
        this.checkedUntil = Instant.now(clock);
    }

    /** Moves the due date of every job retried by an operator since the last run to now; answers how many. */
    @Scheduled(fixedDelayString = "${billflow.jobs.retried-check-millis:5000}")
    public synchronized int run() {
        Instant now = Instant.now(clock);
        Set<String> jobIds = new LinkedHashSet<>();
        for (UserOperationLogEntry entry : history.createUserOperationLogQuery()
                .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES)
                .afterTimestamp(Date.from(checkedUntil.minusSeconds(1)))
                .list()) {
            if (entry.getJobId() != null) {
                jobIds.add(entry.getJobId());
            } else if (entry.getJobDefinitionId() != null) {
                management.createJobQuery().jobDefinitionId(entry.getJobDefinitionId()).list().stream().map(Job::getId).forEach(jobIds::add);
            }
        }
        int moved = 0;
        for (String jobId : jobIds) {
            Job job = management.createJobQuery().jobId(jobId).singleResult();
            if (job != null && job.getRetries() > 0 && job.getDuedate() != null && job.getDuedate().toInstant().isAfter(now)) {
                try {
                    management.setJobDuedate(jobId, Date.from(now));
                    moved++;
                } catch (ProcessEngineException runningOrGone) {
                    LOG.debug("Job {} changed while its due date was moved: {}", jobId, runningOrGone.getMessage());
                }
            }
        }
        checkedUntil = now;
        return moved;
    }
}
