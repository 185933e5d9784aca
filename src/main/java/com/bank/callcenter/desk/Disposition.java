package com.bank.callcenter.desk;

/** What the RM recorded about a call. */
public enum Disposition {
    INTERESTED, NOT_INTERESTED, CALLBACK, SOLD, WRONG_NUMBER, NO_ANSWER, DO_NOT_CALL
}
