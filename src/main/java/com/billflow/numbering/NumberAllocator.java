package com.billflow.numbering;

import com.billflow.common.IllegalStatusException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import java.time.LocalDate;

/**
 * Hands out the next number of a series inside the caller's transaction. The counter row stays
 * locked until that transaction ends, so concurrent callers (on any node sharing the database)
 * queue up, and a rollback gives the number back: the series has no gaps and no duplicates.
 * Every number is also registered system-wide ({@code document_number}): one number, one document.
 */
@Component
public class NumberAllocator {

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;

    NumberAllocator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String series, NumberPattern pattern, LocalDate date) {
        String scope = pattern.scope(series, date);
        if (increment(scope) == 0) {
            createSeries(scope);
            increment(scope);
        }
        long value = jdbc.sql("select next_value - 1 from number_series where series_key = ?")
                .param(scope).query(Long.class).single();
        String number = pattern.format(date, value);
        register(number, scope);
        return number;
    }

    /**
     * Claims {@code number} for one document in the table {@code document_number}, whose primary key
     * holds across series and nodes. Patterns are checked not to overlap when saved; this is what
     * holds when they do anyway (an edit in the database, a configuration changed at startup): the
     * transaction is refused (409) and the number stays with its first document.
     */
    private void register(String number, String scope) {
        var owner = jdbc.sql("select series_key from document_number where number = ?").param(number).query(String.class).optional();
        if (owner.isPresent()) {
            throw taken(number, owner.get());
        }
        try {
            jdbc.sql("insert into document_number (number, series_key) values (?, ?)").param(number).param(scope).update();
        } catch (DuplicateKeyException takenAtTheSameMoment) {
            throw taken(number, "another series, at the same moment");
        }
    }

    private static IllegalStatusException taken(String number, String owner) {
        return new IllegalStatusException("Number " + number + " already belongs to a document of " + owner
                + ": two numbering patterns give the same numbers; change one of them. Nothing was numbered");
    }

    private int increment(String scope) {
        return jdbc.sql("update number_series set next_value = next_value + 1 where series_key = ?")
                .param(scope).update();
    }

    /** Created in its own transaction so that two first callers racing on a new series both succeed. */
    private void createSeries(String scope) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into number_series (series_key, next_value) values (?, 1)")
                    .param(scope).update());
        } catch (DuplicateKeyException alreadyCreatedByAnotherCaller) {
            // the other caller's row serves us too
        }
    }
}
