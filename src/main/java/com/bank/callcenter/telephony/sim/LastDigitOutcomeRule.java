package com.bank.callcenter.telephony.sim;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The outcome follows the dialled number's last digit, like the Local-channel test contexts behind
 * the transcripts: 13800000000 answered, ...01 busy, ...02 congestion, ...03 no answer, ...04 pressed 1.
 * Keeping those digits lets a test dial the transcripts' own numbers and expect their outcomes.
 */
public final class LastDigitOutcomeRule implements OutcomeRule {

    public static final Map<Character, Outcome> TABLE = Map.of(
            '0', Outcome.ANSWER,
            '1', Outcome.BUSY,
            '2', Outcome.CONGESTION,
            '3', Outcome.NO_ANSWER,
            '4', Outcome.PRESS_1,
            '5', Outcome.PRESS_2,
            '6', Outcome.PRESS_9,
            '7', Outcome.NO_INPUT,
            '8', Outcome.ANSWER,
            '9', Outcome.ANSWER);

    /** Used when the number does not end in a digit. */
    private final OutcomeRule otherwise;

    public LastDigitOutcomeRule(OutcomeRule otherwise) {
        this.otherwise = otherwise;
    }

    public LastDigitOutcomeRule() {
        this(OutcomeRule.always(Outcome.ANSWER));
    }

    @Override
    public Outcome outcomeFor(String dialledNumber, RandomGenerator random) {
        if (dialledNumber != null && !dialledNumber.isEmpty()) {
            Outcome outcome = TABLE.get(dialledNumber.charAt(dialledNumber.length() - 1));
            if (outcome != null) {
                return outcome;
            }
        }
        return otherwise.outcomeFor(dialledNumber, random);
    }
}
