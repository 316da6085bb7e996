package com.billflow.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecentSignInsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RecentSignIns recent = new RecentSignIns(Duration.ofSeconds(10), now::get);
    private final Authentication billing = UsernamePasswordAuthenticationToken.authenticated("billing", null,
            List.of(new SimpleGrantedAuthority(Groups.BILLING)));

    @Test
    void theSameUserAndPasswordWithinTheTimeToLiveGetTheLastSignIn() {
        recent.remember("billing", "s3cret", billing);
        now.addAndGet(Duration.ofSeconds(9).toNanos());

        assertThat(recent.find("billing", "s3cret")).contains(billing);
    }

    @Test
    void anotherPasswordAnotherUserOrAnExpiredSignInGoToCamunda() {
        recent.remember("billing", "s3cret", billing);

        assertThat(recent.find("billing", "S3cret")).isEmpty();
        assertThat(recent.find("billing", "s3cret ")).isEmpty();
        assertThat(recent.find("rep", "s3cret")).isEmpty();
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(recent.find("billing", "s3cret")).isEmpty();
    }

    @Test
    void aForgottenUserAndAZeroTimeToLiveKeepNothing() {
        recent.remember("billing", "s3cret", billing);
        recent.forget("billing");
        assertThat(recent.find("billing", "s3cret")).isEmpty();

        RecentSignIns never = new RecentSignIns(Duration.ZERO, now::get);
        never.remember("billing", "s3cret", billing);
        assertThat(never.find("billing", "s3cret")).isEmpty();
    }

    @Test
    void atMostTheLimitOfUsersIsKeptTheOldestGoFirst() {
        for (int i = 0; i < RecentSignIns.MAX_USERS; i++) {
            now.incrementAndGet();
            recent.remember("user" + i, "pw", billing);
        }
        now.incrementAndGet();
        recent.remember("one-more", "pw", billing);

        assertThat(recent.find("user0", "pw")).isEmpty();
        assertThat(recent.find("user1", "pw")).isPresent();
        assertThat(recent.find("one-more", "pw")).isPresent();
    }
}
