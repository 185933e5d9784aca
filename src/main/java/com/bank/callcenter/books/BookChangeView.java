package com.bank.callcenter.books;

import java.time.Instant;

/** A book change request as the API shows it. */
public record BookChangeView(long id, String customerId, String fromManagerId, String toManagerId,
                             String reason, BookChangeState state, String requestedBy, Instant requestedAt,
                             String decidedBy, Instant decidedAt) {

    static BookChangeView of(BookChange change) {
        return new BookChangeView(change.id, change.customerId, change.fromManagerId, change.toManagerId,
                change.reason, change.state, change.requestedBy, change.requestedAt,
                change.decidedBy, change.decidedAt);
    }
}
