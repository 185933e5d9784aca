package com.bank.callcenter.telephony.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Draws an outcome from weights, with the call's seeded generator (repeatable for a given seed). */
public final class OutcomeMix implements OutcomeRule {

    /** A plausible outbound day: half answered, a fifth not answered, a few robot choices. */
    public static final OutcomeMix TYPICAL = builder()
            .weight(Outcome.ANSWER, 45)
            .weight(Outcome.NO_ANSWER, 20)
            .weight(Outcome.BUSY, 10)
            .weight(Outcome.CONGESTION, 3)
            .weight(Outcome.PRESS_1, 8)
            .weight(Outcome.PRESS_2, 6)
            .weight(Outcome.PRESS_9, 2)
            .weight(Outcome.NO_INPUT, 6)
            .build();

    private final Map<Outcome, Integer> weights;
    private final int total;

    private OutcomeMix(Map<Outcome, Integer> weights) {
        this.weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("outcome weights must add up to more than 0");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<Outcome, Integer> weights() {
        return weights;
    }

    @Override
    public Outcome outcomeFor(String dialledNumber, RandomGenerator random) {
        int draw = random.nextInt(total);
        for (Map.Entry<Outcome, Integer> entry : weights.entrySet()) {
            draw -= entry.getValue();
            if (draw < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("unreachable: draw beyond total weight");
    }

    public static final class Builder {
        private final Map<Outcome, Integer> weights = new EnumMap<>(Outcome.class);

        public Builder weight(Outcome outcome, int weight) {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight for " + outcome);
            }
            weights.put(outcome, weight);
            return this;
        }

        public OutcomeMix build() {
            return new OutcomeMix(weights);
        }
    }
}
