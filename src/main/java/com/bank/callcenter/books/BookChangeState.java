package com.bank.callcenter.books;

/** The life of a book change request: PENDING until a supervisor decides, then final. */
public enum BookChangeState {
    PENDING,
    APPLIED,
    REJECTED;

    /** The only transitions: PENDING → APPLIED and PENDING → REJECTED. */
    public boolean canBecome(BookChangeState next) {
        return this == PENDING && next != PENDING;
    }
}
