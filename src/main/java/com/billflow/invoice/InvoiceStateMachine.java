package com.billflow.invoice;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.billflow.invoice.InvoiceAction.*;
import static com.billflow.invoice.InvoiceStatus.*;

/** The only allowed moves (SPEC §5), per invoice type: status and action to the next status. */
final class InvoiceStateMachine {

    private static final Map<InvoiceType, Map<InvoiceStatus, Map<InvoiceAction, InvoiceStatus>>> MOVES = new EnumMap<>(InvoiceType.class);

    static {
        Map<InvoiceStatus, Map<InvoiceAction, InvoiceStatus>> production = new EnumMap<>(InvoiceStatus.class);
        production.put(INITIAL, moves(EDIT, INITIAL, InvoiceAction.DRAFT, InvoiceStatus.DRAFT, MERGE, InvoiceStatus.DRAFT, CANCEL, CANCELLED));
        production.put(InvoiceStatus.DRAFT, moves(EDIT, EDITED, REPRICE, EDITED, RELEASE, RELEASED, CANCEL, CANCELLED));
        production.put(EDITED, moves(EDIT, EDITED, REPRICE, EDITED, RELEASE, RELEASED, CANCEL, CANCELLED));
        production.put(RELEASED, moves(AUTHORISE, AUTHORISED, CANCEL, CANCELLED));
        production.put(AUTHORISED, moves(UNAUTHORISE, RELEASED, TRANSMIT, TRANSMITTED, CANCEL, CANCELLED));
        production.put(TRANSMITTED, moves(BOOK, BOOKED, InvoiceAction.REJECT, REJECTED));
        production.put(BOOKED, moves(PAY, PAID, CREDIT, CREDITED));
        MOVES.put(InvoiceType.PRODUCTION, production);

        Map<InvoiceStatus, Map<InvoiceAction, InvoiceStatus>> creditNote = new EnumMap<>(InvoiceStatus.class);
        creditNote.put(RELEASED, moves(AUTHORISE, AUTHORISED, AUTO_BOOK, BOOKED));
        creditNote.put(AUTHORISED, moves(UNAUTHORISE, RELEASED, TRANSMIT, TRANSMITTED));
        creditNote.put(TRANSMITTED, moves(BOOK, BOOKED, InvoiceAction.REJECT, REJECTED));
        MOVES.put(InvoiceType.CREDIT_NOTE, creditNote);

        Map<InvoiceStatus, Map<InvoiceAction, InvoiceStatus>> proposal = new EnumMap<>(InvoiceStatus.class);
        proposal.put(INITIAL, moves(EDIT, INITIAL, InvoiceAction.DRAFT, InvoiceStatus.DRAFT, CANCEL, CANCELLED));
        proposal.put(InvoiceStatus.DRAFT, moves(EDIT, EDITED, REPRICE, EDITED, RELEASE, RELEASED, CANCEL, CANCELLED));
        proposal.put(EDITED, moves(EDIT, EDITED, REPRICE, EDITED, RELEASE, RELEASED, CANCEL, CANCELLED));
        proposal.put(RELEASED, moves(AUTHORISE, AUTHORISED, CANCEL, CANCELLED));
        proposal.put(AUTHORISED, moves(UNAUTHORISE, RELEASED, SEND, SENT, CANCEL, CANCELLED));
        proposal.put(SENT, moves(ACCEPT, ACCEPTED, InvoiceAction.REJECT, REJECTED));
        MOVES.put(InvoiceType.PROPOSAL, proposal);
    }

    private InvoiceStateMachine() {
    }

    static Optional<InvoiceStatus> next(InvoiceType type, InvoiceStatus status, InvoiceAction action) {
        return Optional.ofNullable(MOVES.get(type).getOrDefault(status, Map.of()).get(action));
    }

    static Set<InvoiceAction> allowed(InvoiceType type, InvoiceStatus status) {
        return MOVES.get(type).getOrDefault(status, Map.of()).keySet();
    }

    private static Map<InvoiceAction, InvoiceStatus> moves(Object... actionThenStatus) {
        Map<InvoiceAction, InvoiceStatus> moves = new LinkedHashMap<>();
        for (int i = 0; i < actionThenStatus.length; i += 2) {
            moves.put((InvoiceAction) actionThenStatus[i], (InvoiceStatus) actionThenStatus[i + 1]);
        }
        return moves;
    }
}
