package com.billflow.surgicalcase;

import com.billflow.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * Reading one case as a conditional GET that may wait for a change (a long poll), for clients that wait for one of
 * the engine's jobs (the invoice generated, the mail sent) instead of asking every few milliseconds:
 * <ul>
 *   <li>Every answer carries the case's {@code ETag} (a hash of its JSON).</li>
 *   <li>With {@code If-None-Match} naming the current ETag, the answer is {@code 304 Not Modified} with no body.</li>
 *   <li>With also {@code Prefer: wait=N} (RFC 7240; N seconds, at most {@link #MAX_WAIT}), the request first waits up
 *       to N seconds for the case to change: {@code 200} with the new case as soon as it has, {@code 304} when N
 *       passes without a change. The answer says {@code Preference-Applied: wait=N}.</li>
 * </ul>
 * A change made on this node wakes the request at once ({@link CaseChanges}); one made on another node is seen within
 * {@link #RECHECK}, when the case is read again. At most {@link #MAX_WAITING} requests wait at a time (each holds a
 * server thread, none holds a database connection while it waits); beyond that a request answers at once, as
 * without {@code Prefer}. Rights are checked on every read: 404 for an unknown case, 403 for another rep's.
 */
@Component
class CaseWaits {

    /** The longest wait a client can ask for. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** How often a waiting request reads the case again, for changes made on another node. */
    static final Duration RECHECK = Duration.ofSeconds(1);
    /** How many requests may wait at a time. */
    static final int MAX_WAITING = 64;

    private final SurgicalCaseService cases;
    private final CaseChanges changes;
    private final ObjectMapper json;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private volatile Duration recheck = RECHECK;

    CaseWaits(SurgicalCaseService cases, CaseChanges changes, ObjectMapper json) {
        this.cases = cases;
        this.changes = changes;
        this.json = json;
    }

    /**
     * Case {@code id} as {@code caller} may read it, answered as the class comment says.
     *
     * @param ifNoneMatch the request's {@code If-None-Match} (ETags, or {@code *}), null when absent
     * @param prefer      the request's {@code Prefer} header, null when absent; preferences other than a valid
     *                    {@code wait} are ignored, as RFC 7240 asks
     */
    ResponseEntity<SurgicalCaseJson> get(Long id, Caller caller, String ifNoneMatch, String prefer) {
        Duration wait = ifNoneMatch == null ? Duration.ZERO : waitOf(prefer);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean permit = false;
        try (CaseChanges.Subscription subscription = changes.subscribe(id)) {
            while (true) {
                SurgicalCaseJson body = cases.jsonFor(id, caller);
                String etag = etagOf(body);
                if (!matches(ifNoneMatch, etag)) {
                    return answer(ResponseEntity.ok(), etag, permit ? wait : null).body(body);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !permit && !(permit = waiting.tryAcquire())) {
                    return answer(ResponseEntity.status(HttpStatus.NOT_MODIFIED), etag, permit ? wait : null).build();
                }
                try {
                    subscription.awaitChange(Duration.ofNanos(Math.min(left, recheck.toNanos())));
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return answer(ResponseEntity.status(HttpStatus.NOT_MODIFIED), etag, wait).build();
                }
            }
        } finally {
            if (permit) {
                waiting.release();
            }
        }
    }

    /** Tests: how often a waiting request reads the case again ({@link #RECHECK} unless set). */
    void recheckEvery(Duration interval) {
        recheck = interval;
    }

    private static ResponseEntity.BodyBuilder answer(ResponseEntity.BodyBuilder builder, String etag, Duration appliedWait) {
        builder.eTag(etag);
        if (appliedWait != null) {
            builder.header("Preference-Applied", "wait=" + appliedWait.toSeconds());
        }
        return builder;
    }

    /** A strong ETag: the first 128 bits of the SHA-256 of the case's JSON, base64url, quoted. */
    String etagOf(SurgicalCaseJson body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the case's JSON", e);
        }
    }

    /** RFC 9110 §13.1.2: {@code *}, or any listed ETag equal to {@code etag} by weak comparison. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * The {@code wait} preference of a {@code Prefer} header (RFC 7240 §4.3: {@code wait=delta-seconds}), at most
     * {@link #MAX_WAIT}; zero when the header has none or an invalid one.
     */
    static Duration waitOf(String prefer) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].strip();
            int equals = token.indexOf('=');
            if (equals < 0 || !token.substring(0, equals).strip().equalsIgnoreCase("wait")) {
                continue;
            }
            String value = token.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.isEmpty() && value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long seconds = Long.parseLong(value);
                return Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds()));
            }
            return Duration.ZERO;
        }
        return Duration.ZERO;
    }
}
