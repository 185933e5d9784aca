package com.bank.callcenter.books;

import java.time.Instant;

/** A locked period as the API shows it. */
public record BookLockView(String period, String lockedBy, Instant lockedAt) {

    static BookLockView of(BookLock lock) {
        return new BookLockView(lock.period, lock.lockedBy, lock.lockedAt);
    }
}
