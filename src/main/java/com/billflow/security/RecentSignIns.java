package com.billflow.security;

import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The successful sign-ins of the last few seconds, so that an API client sending HTTP Basic credentials with every
 * request (a poll every few milliseconds, say) is not checked against Camunda's identity tables (the user, a salted
 * SHA-512 of the password, the groups: two engine commands) on every one of them: what Spring Security's
 * {@code UserCache} does for stateless authentication.
 * <p>
 * Keeps per user id a SHA-256 of the password with a random key of this JVM (never the password) and the
 * authentication that sign-in produced, for {@code timeToLive}. A request with the same user id and password within
 * that time gets the same authentication (the same groups); anything else (another password, an expired entry) goes
 * to Camunda, and a wrong password also drops the user's entry, so Camunda's failed-attempt count and lock-out see
 * every wrong password. A change of password, groups or lock made meanwhile takes effect for a cached user after
 * {@code timeToLive} at the latest. {@link Duration#ZERO} keeps nothing. At most {@value #MAX_USERS} users are kept;
 * beyond that the oldest are dropped first.
 */
final class RecentSignIns {

    static final int MAX_USERS = 10_000;

    private record Entry(byte[] passwordDigest, Authentication authentication, long expiresAt) {
    }

    private final Map<String, Entry> byUser = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;

    /** @param timeToLive how long a sign-in is reused; zero (or negative) for never */
    RecentSignIns(Duration timeToLive) {
        this(timeToLive, System::nanoTime);
    }

    /** For tests: {@code nanoTime} in nanoseconds, as {@link System#nanoTime()}. */
    RecentSignIns(Duration timeToLive, LongSupplier nanoTime) {
        this.timeToLiveNanos = Math.max(0, timeToLive.toNanos());
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(key);
    }

    /** The authentication of this user's sign-in with this password within the time to live, if any. */
    Optional<Authentication> find(String userId, String password) {
        Entry entry = byUser.get(userId);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAt() >= 0) {
            byUser.remove(userId, entry);
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.passwordDigest(), digest(password)) ? Optional.of(entry.authentication()) : Optional.empty();
    }

    /** Remembers a sign-in Camunda has just accepted. */
    void remember(String userId, String password, Authentication authentication) {
        if (timeToLiveNanos == 0) {
            return;
        }
        if (byUser.size() >= MAX_USERS) {
            dropOldest();
        }
        byUser.put(userId, new Entry(digest(password), authentication, nanoTime.getAsLong() + timeToLiveNanos));
    }

    /** Forgets the user's sign-in (after a wrong password). */
    void forget(String userId) {
        byUser.remove(userId);
    }

    private void dropOldest() {
        long now = nanoTime.getAsLong();
        byUser.entrySet().removeIf(e -> now - e.getValue().expiresAt() >= 0);
        if (byUser.size() >= MAX_USERS) {
            byUser.entrySet().stream().min((a, b) -> Long.compare(a.getValue().expiresAt(), b.getValue().expiresAt()))
                    .ifPresent(oldest -> byUser.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(key);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
