package com.bank.callcenter.dashboard;

import com.bank.callcenter.calls.CallKind;
import com.bank.callcenter.calls.CallRecordsChanged;
import com.bank.callcenter.calls.CallState;

import java.time.ZoneId;
import java.util.Set;

/**
 * What a call or an SMS record adds to the day's live counters — the definitions of the desk's
 * {@code TodayCounters} and the score's {@code ContactCounting}, record by record:
 * <ul>
 *   <li>dialled: an RM's AGENT_CALL that reached the PBX (contact_attempt.sent), by the hour it was placed;</li>
 *   <li>answered: an RM's call answered, hand-offs from the robot's team queue included; talkSeconds its talk;</li>
 *   <li>effective: an RM-placed AGENT_CALL, answered, talk ≥ callcenter.scoring.effective-call-seconds, counted
 *       once per customer and day;</li>
 *   <li>sms: an RM's SMS the gateway accepted (SENT), once per customer and day;</li>
 *   <li>robot: a robot call whose menu choice was 1, 2 or 9; noInput a robot call answered and ended with no digit.</li>
 * </ul>
 * The day of a record is the day (callcenter.zone) it was queued or created.
 */
final class CountingRules {

    private static final Set<String> COUNTED_CHOICES = Set.of("1", "2", "9");

    private final ZoneId zone;
    private final int effectiveCallSeconds;

    CountingRules(ZoneId zone, int effectiveCallSeconds) {
        this.zone = zone;
        this.effectiveCallSeconds = effectiveCallSeconds;
    }

    Contribution of(CallRecordsChanged.Record call) {
        Contribution contribution = new Contribution();
        String rm = call.staffId();
        if (rm != null) {
            int hour = call.queuedAt().atZone(zone).getHour();
            boolean agentCall = call.kind() == CallKind.AGENT_CALL;
            boolean answered = call.answerAt() != null;
            int talk = call.talkSeconds() == null ? 0 : call.talkSeconds();
            if (agentCall && call.sent()) {
                contribution.add(CounterFields.rm(rm, CounterFields.DIALLED), 1)
                        .add(CounterFields.rmHour(rm, CounterFields.DIALLED, hour), 1);
            }
            if (answered) {
                contribution.add(CounterFields.rm(rm, CounterFields.ANSWERED), 1)
                        .add(CounterFields.rmHour(rm, CounterFields.ANSWERED, hour), 1)
                        .add(CounterFields.rm(rm, CounterFields.TALK_SECONDS), talk);
            }
            if (agentCall && call.handedOffAt() == null && answered && talk >= effectiveCallSeconds
                    && call.customerId() != null) {
                contribution.distinct(CounterFields.rm(rm, CounterFields.EFFECTIVE), call.customerId());
            }
        }
        if (call.kind() == CallKind.ROBOT_CALL) {
            String choice = call.robotChoice() == null ? "" : call.robotChoice().trim();
            if (COUNTED_CHOICES.contains(choice)) {
                contribution.add(CounterFields.robot("pressed" + choice), 1);
            } else if (choice.isEmpty() && call.answerAt() != null && call.state().isFinal()) {
                contribution.add(CounterFields.robot(CounterFields.NO_INPUT), 1);
            }
        }
        return contribution;
    }

    Contribution ofSms(String staffId, String customerId, String state) {
        Contribution contribution = new Contribution();
        if (staffId != null && customerId != null && "SENT".equals(state)) {
            contribution.distinct(CounterFields.rm(staffId, CounterFields.SMS), customerId);
        }
        return contribution;
    }

    /** Live: not final yet (queued or with the PBX). */
    static boolean inProgress(CallState state) {
        return CallState.IN_FLIGHT.contains(state);
    }
}
