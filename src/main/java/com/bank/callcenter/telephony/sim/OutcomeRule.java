package com.bank.callcenter.telephony.sim;

import java.util.random.RandomGenerator;

/** Chooses the outcome of a dialled number. {@code random} is the call's own seeded generator. */
@FunctionalInterface
public interface OutcomeRule {

    Outcome outcomeFor(String dialledNumber, RandomGenerator random);

    static OutcomeRule always(Outcome outcome) {
        return (number, random) -> outcome;
    }
}
