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
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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
    /** The newest operation log entry seen (the engine's timestamp), or the start: where the next check begins. */
    private Instant checkedUntil;
    /** Ids of the entries already acted on (the newest {@value #HANDLED_KEPT}): each retry moves its jobs once. */
    private final Set<String> handled = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > HANDLED_KEPT;
        }
    });
    private static final int HANDLED_KEPT = 10_000;

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
        // The next check starts from the newest entry seen, a time the engine wrote, not from this clock's "now": a
        // run while this clock was ahead (a test's clock, or a wall clock NTP then stepped back) would otherwise have
        // skipped every retry entered until the clock caught up again. The second of margin re-reads entries whose
        // transaction committed late; the ids already handled are skipped, so a job that failed again after its
        // retry keeps its retry interval.
        Instant newestSeen = checkedUntil;
        for (UserOperationLogEntry entry : history.createUserOperationLogQuery()
                .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES)
                .afterTimestamp(Date.from(checkedUntil.minusSeconds(1)))
                .list()) {
            if (entry.getTimestamp() != null && entry.getTimestamp().toInstant().isAfter(newestSeen)) {
                newestSeen = entry.getTimestamp().toInstant();
            }
            if (!handled.add(entry.getId())) {
                continue;
            }
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
        checkedUntil = newestSeen;
        return moved;
    }
}
