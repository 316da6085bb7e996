package com.billflow.security;

import com.billflow.support.Fixtures;
import com.billflow.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No one can lock out another user (issue 9): wrong passwords only delay that user's next login, by a
 * growing delay of at most 60 s; they never lock the account for good. The engine's clock is moved past
 * each delay so that every wrong attempt counts, as it would for an attacker who waits.
 */
class LoginLockoutTest extends IntegrationTest {

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void twentyWrongPasswordsFromAnyoneOnlyDelayTheRightOne() {
        // given
        String victim = fixtures.user(Groups.ADMIN);
        long now = System.currentTimeMillis();

        // when someone tries 20 wrong passwords, each after the previous delay ran out
        for (int attempt = 1; attempt <= 20; attempt++) {
            now += 61_000;
            ClockUtil.setCurrentTime(new Date(now));
            assertThat(status(victim, "wrong-" + attempt)).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        // then the right password waits out the delay (60 s at most), and then works
        ClockUtil.setCurrentTime(new Date(now + 1_000));
        assertThat(status(victim, Fixtures.PASSWORD)).as("still within the delay").isEqualTo(HttpStatus.UNAUTHORIZED);
        ClockUtil.setCurrentTime(new Date(now + 61_000));
        assertThat(status(victim, Fixtures.PASSWORD)).as("after the delay").isEqualTo(HttpStatus.OK);
    }

    private HttpStatus status(String user, String password) {
        return HttpStatus.valueOf(http.withBasicAuth(user, password).getForEntity("/api/me", JsonNode.class).getStatusCode().value());
    }
}
