package com.billflow.document.email;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jakarta Mail finds its StreamProvider by the system property MailService sets (issue 11: no ServiceLoader
 * walk over the fat jar per MIME part). A wrong class name there would make every mail fail, so it is checked.
 */
class MailStreamProviderTest {

    @Test
    void mailServiceNamesAngusMailsStreamProviderAndJakartaMailUsesIt() throws Exception {
        // given MailService's class initialised, as it is before any mail is built
        Class.forName(MailService.class.getName());

        // then
        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailService.MAIL_STREAM_PROVIDER);
        assertThat(StreamProvider.provider()).isInstanceOf(Class.forName(MailService.MAIL_STREAM_PROVIDER));
    }
}
