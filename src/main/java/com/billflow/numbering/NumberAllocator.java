package com.billflow.numbering;

import com.billflow.common.IllegalStatusException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out numbers of a series, two ways:
 * <ul>
 *   <li>{@link #next}: gap-free (invoices, credit notes). The counter row stays locked until the
 *       caller's transaction ends, so concurrent callers (on any node sharing the database) queue up,
 *       and a rollback gives the number back: no gaps and no duplicates. Callers keep that
 *       transaction short: nothing slow (rendering, a process start) after the number is taken;
 *       {@link #reserve} takes it for one document in a short transaction of its own, which is how
 *       surgical and laboratory invoices, proposals and credit notes are numbered.</li>
 *   <li>{@link #nextUnordered}: unique, not gap-free (case numbers), from a database sequence per
 *       scope; no lock at all, a rollback leaves a gap.</li>
 * </ul>
 * Every number is also registered system-wide ({@code document_number}): one number, one document.
 */
@Component
public class NumberAllocator {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate newTransaction;
    /** Scope to sequence name, for sequences known to exist. */
    private final Map<String, String> sequences = new ConcurrentHashMap<>();
    private volatile Boolean postgres;

    NumberAllocator(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next gap-free number of {@code series} for {@code date} (e.g. {@code INV-2026-000042}), in the
     * caller's transaction (required); its counter row stays locked until that transaction ends.
     * Refused (409) when the pattern's width is used up or the number already belongs to another document.
     */
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

    /** A number reserved for one document, and the date it was taken for (the document's date). */
    public record Reserved(String number, LocalDate date) {
    }

    /**
     * The gap-free number of one document ({@code ownerType}, {@code ownerId}), taken and recorded in
     * {@code reserved_number} in a short transaction of its own, committed before this returns: the series
     * stays locked only for those few statements, not for the caller's slow work that follows (rendering the
     * document, the engine's flush, a process start). The caller writes the number onto its document in its own
     * transaction; if that transaction fails, the step's retry gets the same number and date back from here, so
     * no number is lost or given twice: later documents take the numbers after it, and it is used once the retry
     * succeeds. Two attempts for the same document at once (a double click, two nodes retrying) get the same
     * number; the one that lost the race gives back the number it had counted with its rollback. Callers check
     * everything that may refuse the step before they reserve, so that what can fail after it is what a retry mends.
     * Uses a second pooled connection while the caller's transaction is open.
     * Refused (409) as {@link #next} is.
     */
    public Reserved reserve(String ownerType, long ownerId, String series, NumberPattern pattern, LocalDate date) {
        try {
            return newTransaction.execute(status -> reserved(ownerType, ownerId).orElseGet(() -> {
                String number = next(series, pattern, date);
                jdbc.sql("insert into reserved_number (owner_type, owner_id, number, number_date) values (?, ?, ?, ?)")
                        .param(ownerType).param(ownerId).param(number).param(Date.valueOf(date)).update();
                return new Reserved(number, date);
            }));
        } catch (DuplicateKeyException reservedByAnotherAttemptAtTheSameMoment) {
            return newTransaction.execute(status -> reserved(ownerType, ownerId)
                    .orElseThrow(() -> reservedByAnotherAttemptAtTheSameMoment));
        }
    }

    private Optional<Reserved> reserved(String ownerType, long ownerId) {
        return jdbc.sql("select number, number_date from reserved_number where owner_type = ? and owner_id = ?")
                .param(ownerType).param(ownerId)
                .query((rs, row) -> new Reserved(rs.getString(1), rs.getDate(2).toLocalDate())).optional();
    }

    /**
     * A unique number of {@code series} for {@code date}, not gap-free: its sequence part comes from a
     * database sequence per scope (so a new year with {@code {YYYY}} starts at 1 again), which never
     * blocks another caller, on any node, and does not give the number back on rollback.
     * A scope counted by {@link #next} before continues after its last number.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String nextUnordered(String series, NumberPattern pattern, LocalDate date) {
        String scope = pattern.scope(series, date);
        String sequence = sequences.computeIfAbsent(scope, this::createSequence);
        long value = jdbc.sql(postgres() ? "select nextval('" + sequence + "')" : "values next value for " + sequence)
                .query(Long.class).single();
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

    /**
     * The scope's sequence, created if missing in a transaction of its own (DDL); it starts after the
     * scope's counter row, if {@link #next} counted it before. Its name is a hash of the scope: scopes
     * hold any characters a pattern may, a sequence name only a few.
     */
    private String createSequence(String scope) {
        String name = "number_seq_" + HexFormat.of().formatHex(sha256(scope), 0, 12);
        newTransaction.executeWithoutResult(status -> {
            long start = jdbc.sql("select next_value from number_series where series_key = ?").param(scope)
                    .query(Long.class).optional().orElse(1L);
            try {
                jdbc.sql("create sequence if not exists " + name + " start with " + start).update();
            } catch (DataAccessException createdByAnotherNodeAtTheSameMoment) {
                // PostgreSQL's IF NOT EXISTS can still fail on a concurrent create; that node's sequence serves us too
                status.setRollbackOnly();
            }
        });
        return name;
    }

    private boolean postgres() {
        if (postgres == null) {
            try {
                postgres = "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("Cannot tell which database this is", e);
            }
        }
        return postgres;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
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
