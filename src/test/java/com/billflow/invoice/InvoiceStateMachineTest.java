package com.billflow.invoice;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (type, status, action) pair against SPEC §5's table, written out here on its own so the
 * test does not just repeat the code: what is listed is allowed with that result, all else refused.
 */
class InvoiceStateMachineTest {

    private static final String SPEC = """
            PRODUCTION INITIAL EDIT INITIAL
            PRODUCTION INITIAL DRAFT DRAFT
            PRODUCTION INITIAL MERGE DRAFT
            PRODUCTION INITIAL CANCEL CANCELLED
            PRODUCTION DRAFT EDIT EDITED
            PRODUCTION DRAFT REPRICE EDITED
            PRODUCTION DRAFT RELEASE RELEASED
            PRODUCTION DRAFT CANCEL CANCELLED
            PRODUCTION EDITED EDIT EDITED
            PRODUCTION EDITED REPRICE EDITED
            PRODUCTION EDITED RELEASE RELEASED
            PRODUCTION EDITED CANCEL CANCELLED
            PRODUCTION RELEASED AUTHORISE AUTHORISED
            PRODUCTION RELEASED CANCEL CANCELLED
            PRODUCTION AUTHORISED UNAUTHORISE RELEASED
            PRODUCTION AUTHORISED TRANSMIT TRANSMITTED
            PRODUCTION AUTHORISED CANCEL CANCELLED
            PRODUCTION TRANSMITTED BOOK BOOKED
            PRODUCTION TRANSMITTED REJECT REJECTED
            PRODUCTION BOOKED PAY PAID
            PRODUCTION BOOKED CREDIT CREDITED
            CREDIT_NOTE RELEASED AUTHORISE AUTHORISED
            CREDIT_NOTE RELEASED AUTO_BOOK BOOKED
            CREDIT_NOTE AUTHORISED UNAUTHORISE RELEASED
            CREDIT_NOTE AUTHORISED TRANSMIT TRANSMITTED
            CREDIT_NOTE TRANSMITTED BOOK BOOKED
            CREDIT_NOTE TRANSMITTED REJECT REJECTED
            PROPOSAL INITIAL EDIT INITIAL
            PROPOSAL INITIAL DRAFT DRAFT
            PROPOSAL INITIAL CANCEL CANCELLED
            PROPOSAL DRAFT EDIT EDITED
            PROPOSAL DRAFT REPRICE EDITED
            PROPOSAL DRAFT RELEASE RELEASED
            PROPOSAL DRAFT CANCEL CANCELLED
            PROPOSAL EDITED EDIT EDITED
            PROPOSAL EDITED REPRICE EDITED
            PROPOSAL EDITED RELEASE RELEASED
            PROPOSAL EDITED CANCEL CANCELLED
            PROPOSAL RELEASED AUTHORISE AUTHORISED
            PROPOSAL RELEASED CANCEL CANCELLED
            PROPOSAL AUTHORISED UNAUTHORISE RELEASED
            PROPOSAL AUTHORISED SEND SENT
            PROPOSAL AUTHORISED CANCEL CANCELLED
            PROPOSAL SENT ACCEPT ACCEPTED
            PROPOSAL SENT REJECT REJECTED
            """;

    @Test
    void exactlyTheSpecifiedMovesAndNothingElse() {
        Map<String, InvoiceStatus> expected = new HashMap<>();
        SPEC.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(line -> {
            String[] p = line.split(" ");
            expected.put(p[0] + " " + p[1] + " " + p[2], InvoiceStatus.valueOf(p[3]));
        });
        int checked = 0;
        for (InvoiceType type : InvoiceType.values()) {
            for (InvoiceStatus status : InvoiceStatus.values()) {
                for (InvoiceAction action : InvoiceAction.values()) {
                    Optional<InvoiceStatus> next = InvoiceStateMachine.next(type, status, action);
                    assertThat(next).as(type + " " + status + " " + action)
                            .isEqualTo(Optional.ofNullable(expected.get(type + " " + status + " " + action)));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(InvoiceType.values().length * InvoiceStatus.values().length * InvoiceAction.values().length);
    }

    @Test
    void finalStatusesAllowNothing() {
        for (InvoiceStatus status : new InvoiceStatus[]{InvoiceStatus.PAID, InvoiceStatus.CREDITED, InvoiceStatus.REJECTED,
                InvoiceStatus.CANCELLED, InvoiceStatus.MERGED, InvoiceStatus.ACCEPTED}) {
            for (InvoiceType type : InvoiceType.values()) {
                assertThat(InvoiceStateMachine.allowed(type, status)).as(type + " " + status).isEmpty();
            }
        }
    }
}
