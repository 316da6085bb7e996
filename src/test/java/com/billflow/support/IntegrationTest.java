package com.billflow.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every test that needs the whole application: the real engine (authorization on, job
 * executor off so each test runs jobs itself), real database (H2 in memory, or PostgreSQL with
 * {@code mvn verify -Ppostgres}) and a real SMTP server (GreenMail on port 3025). All such tests
 * share one Spring context. Tests make their own facilities, reps and cases, so they do not
 * depend on each other or on what an earlier run left in PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "billflow.demo.enabled=false",
        "billflow.mail.embedded.enabled=false",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=3025",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=5000"
})
@ActiveProfiles(resolver = TestProfiles.class)
@Import(TestClockConfiguration.class)
public abstract class IntegrationTest {

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    @Autowired
    protected ProcessEngine processEngine;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Fixtures fixtures;

    @BeforeEach
    void initCamundaAssert() {
        AbstractAssertions.init(processEngine);
        clock.reset();
    }

    @AfterEach
    void resetCamundaAssert() {
        AbstractAssertions.reset();
    }
}
