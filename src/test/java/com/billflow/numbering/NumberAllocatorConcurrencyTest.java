package com.billflow.numbering;

import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers stay unique and gap-free when many transactions allocate at once, including ones that roll back. */
class NumberAllocatorConcurrencyTest extends IntegrationTest {

    @Autowired
    NumberAllocator numbers;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentAllocationsAreUniqueAndGapFree() throws Exception {
        // given a new series and 8 workers, every third transaction rolling back
        String series = Fixtures.unique("test-series-");
        String prefix = Fixtures.unique("T").toUpperCase();
        NumberPattern pattern = new NumberPattern(prefix + "-{SEQ:4}");
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        List<Callable<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boolean rollBack = i % 3 == 0;
            jobs.add(() -> transaction.execute(status -> {
                String number = numbers.next(series, pattern, LocalDate.now());
                if (rollBack) {
                    status.setRollbackOnly();
                    return null;
                }
                return number;
            }));
        }

        // when
        List<String> committed = new ArrayList<>();
        for (Future<String> result : workers.invokeAll(jobs)) {
            if (result.get() != null) {
                committed.add(result.get());
            }
        }
        workers.shutdown();

        // then the 80 committed numbers are exactly T…-0001 .. T…-0080
        assertThat(committed).hasSize(80).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 80).mapToObj(n -> prefix + String.format("-%04d", n)).toList());
        // and exactly those are registered as document numbers: the rolled-back ones were given back
        assertThat(jdbc.queryForList("select number from document_number where number like ?", String.class, prefix + "-%"))
                .containsExactlyInAnyOrderElementsOf(committed);
    }
}
