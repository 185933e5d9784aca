package com.bank.callcenter.telephony.replay;

import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.sim.AmiMessage;
import com.bank.callcenter.telephony.sim.AmiTranscript;
import com.bank.callcenter.telephony.sim.AmiTranscript.Direction;
import com.bank.callcenter.telephony.sim.AmiTranscript.Entry;
import com.bank.callcenter.telephony.sim.AmiTranscript.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One action of a recorded scenario and what Asterisk sent after it, up to the client's next action:
 * e.g. the robot "answer" Originate and its ~40 events. {@link #answering} puts the client's own
 * ActionID and CALL_ID in place of the recorded ones ({@code O-answer}, {@code c-answer}).
 */
public record ReplayStep(String scenario, AmiMessage request, List<AmiMessage> replies) {

    private static final Set<String> CHANNEL_ID_FIELDS = Set.of("uniqueid", "linkedid", "destuniqueid",
            "destlinkedid");
    private static final Pattern UNIQUEID = Pattern.compile("(\\d+)\\.(\\d+)");

    /** The scenario's steps, in order; messages before its first client action are left out. */
    public static List<ReplayStep> of(Scenario scenario) {
        List<ReplayStep> steps = new ArrayList<>();
        AmiMessage request = null;
        List<AmiMessage> replies = null;
        for (Entry entry : scenario.entries()) {
            if (entry.direction() == Direction.CLIENT) {
                if (request != null) {
                    steps.add(new ReplayStep(scenario.name(), request, List.copyOf(replies)));
                }
                request = entry.message();
                replies = new ArrayList<>();
            } else if (request != null) {
                replies.add(entry.message());
            }
        }
        if (request != null) {
            steps.add(new ReplayStep(scenario.name(), request, List.copyOf(replies)));
        }
        return steps;
    }

    /** The only step of a scenario with one client action (a call). */
    public static ReplayStep only(AmiTranscript transcript, String scenario) {
        List<ReplayStep> steps = of(transcript.scenario(scenario));
        if (steps.size() != 1) {
            throw new IllegalStateException(scenario + ": " + steps.size() + " client actions, expected one");
        }
        return steps.get(0);
    }

    public String action() {
        return request.get("Action");
    }

    /** The same step with other replies (cut, reordered). */
    public ReplayStep withReplies(List<AmiMessage> other) {
        return new ReplayStep(scenario, request, List.copyOf(other));
    }

    /** The step's CALL_ID variable as recorded, if it has one. */
    public Optional<String> recordedCallId() {
        return callIdOf(request);
    }

    /**
     * The replies as Asterisk would send them to {@code actual}: the recorded ActionID replaced by the
     * client's, the recorded CALL_ID by the client's, and every Uniqueid/Linkedid moved on by
     * {@code uniqueidShift} seconds (a later run of Asterisk numbers its channels anew; the service
     * remembers channel ids of finished calls for a while, so replays must not reuse them).
     */
    public List<AmiMessage> answering(AmiMessage actual, long uniqueidShift) {
        String recordedActionId = request.get("ActionID");
        String actualActionId = actual.get("ActionID");
        UnaryOperator<String> callId = value -> value;
        Optional<String> recorded = recordedCallId();
        Optional<String> wanted = callIdOf(actual);
        if (recorded.isPresent() && wanted.isPresent()) {
            Pattern token = Pattern.compile("(?<![\\w-])" + Pattern.quote(recorded.get()) + "(?![\\w-])");
            String replacement = Matcher.quoteReplacement(wanted.get());
            callId = value -> token.matcher(value).replaceAll(replacement);
        }
        List<AmiMessage> result = new ArrayList<>(replies.size());
        for (AmiMessage reply : replies) {
            AmiMessage bound = new AmiMessage();
            for (AmiMessage.Field field : reply.fields()) {
                String key = field.key();
                String value = field.value();
                if (key.equalsIgnoreCase("ActionID") && value.equals(recordedActionId) && actualActionId != null) {
                    value = actualActionId;
                } else if (CHANNEL_ID_FIELDS.contains(key.toLowerCase(Locale.ROOT))) {
                    value = shift(value, uniqueidShift);
                } else {
                    value = callId.apply(value);
                }
                bound.add(key, value);
            }
            result.add(bound);
        }
        return result;
    }

    private static String shift(String uniqueid, long seconds) {
        Matcher m = UNIQUEID.matcher(uniqueid);
        if (!m.matches()) {
            return uniqueid; // <unknown> on a failed Originate
        }
        return (Long.parseLong(m.group(1)) + seconds) + "." + m.group(2);
    }

    /** {@code Variable: CALL_ID=...}, one variable per line or several joined by ',' or '|'. */
    static Optional<String> callIdOf(AmiMessage action) {
        String prefix = DialplanContract.CALL_ID + "=";
        for (String line : action.getAll("Variable")) {
            for (String variable : line.split("[,|]")) {
                if (variable.trim().startsWith(prefix)) {
                    return Optional.of(variable.trim().substring(prefix.length()));
                }
            }
        }
        return Optional.empty();
    }
}
