package com.bank.callcenter.telephony.sim;

import com.bank.callcenter.telephony.RobotChoiceEvent;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.DtmfBeginEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/**
 * What a call-tracking service reads from a call's events, per channel ("lane"), in arrival order:
 * e.g. {@code Local/138...@sim-carrier;1 -> [Newchannel, VarSet(CALL_ID=c-1), DialBegin, ..., Hangup(16)]}.
 * Channel names lose their {@code -0000000n} counter, so a recording and a simulation compare directly.
 * Order <em>across</em> lanes is not compared: Asterisk does not fix it.
 */
final class CallEventLanes {

    static final String ORIGINATE = "ORIGINATE";
    static final String BRIDGE = "BRIDGE";
    static final String SYSTEM = "SYSTEM";
    static final String CDR_PREFIX = "CDR ";
    private static final Pattern CHANNEL_COUNTER = Pattern.compile("-[0-9a-f]{8}(;[12])?$");

    private final Map<String, List<String>> lanes = new TreeMap<>();
    private final Set<String> linkedids = new TreeSet<>();
    private final List<String> firstUniqueids = new ArrayList<>();

    /** @param trackedVariables VarSets the service reads (the Originate's own variables) */
    static CallEventLanes of(Collection<? extends ManagerEvent> events, Set<String> trackedVariables,
            boolean withBillableSeconds) {
        CallEventLanes result = new CallEventLanes();
        for (ManagerEvent event : events) {
            result.add(event, trackedVariables, withBillableSeconds);
        }
        return result;
    }

    private void add(ManagerEvent event, Set<String> trackedVariables, boolean withBillableSeconds) {
        String lane = laneOf(event);
        if (lane == null || lane.startsWith("Message/") || lane.startsWith(CDR_PREFIX + "Message/")) {
            return;
        }
        String description = describe(event, trackedVariables, withBillableSeconds);
        if (description == null) {
            return;
        }
        lanes.computeIfAbsent(lane, l -> new ArrayList<>()).add(description);
        if (event instanceof NewChannelEvent newChannel && firstUniqueids.isEmpty()) {
            firstUniqueids.add(newChannel.getUniqueId());
        }
        String linkedid = text(event, event instanceof DialBeginEvent || event instanceof DialEndEvent
                || event instanceof DialStateEvent ? "getDestLinkedId" : "getLinkedId");
        if (linkedid != null && !(event instanceof CdrEvent)) {
            linkedids.add(linkedid);
        }
    }

    Map<String, List<String>> lanes() {
        return lanes;
    }

    /** Every channel event of the call carries one Linkedid: the Uniqueid of its first channel. */
    boolean sharesOneLinkedidOfFirstChannel() {
        return linkedids.size() == 1 && firstUniqueids.size() == 1 && linkedids.contains(firstUniqueids.get(0));
    }

    long count(String descriptionPrefix) {
        return lanes.values().stream().flatMap(List::stream).filter(d -> d.startsWith(descriptionPrefix)).count();
    }

    static String laneOf(ManagerEvent event) {
        if (event instanceof OriginateResponseEvent) {
            return ORIGINATE;
        }
        if (event instanceof BridgeCreateEvent || event instanceof BridgeDestroyEvent) {
            return BRIDGE;
        }
        if (event instanceof ShutdownEvent) {
            return SYSTEM;
        }
        String channel = text(event, "getChannel");
        if (channel == null) {
            channel = text(event, "getDestChannel");
        }
        if (channel == null) {
            return null;
        }
        String normalized = normalize(channel);
        return event instanceof CdrEvent ? CDR_PREFIX + normalized : normalized;
    }

    static String normalize(String channel) {
        return CHANNEL_COUNTER.matcher(channel).replaceFirst("$1");
    }

    static String describe(ManagerEvent event, Set<String> trackedVariables, boolean withBillableSeconds) {
        if (event instanceof OriginateResponseEvent e) {
            return "OriginateResponse(" + e.getResponse() + "," + e.getReason() + "," + normalize(e.getChannel())
                    + "," + (hasChannel(e.getUniqueId()) ? "channel" : "no channel") + ")";
        }
        if (event instanceof NewChannelEvent) {
            return "Newchannel";
        }
        if (event instanceof NewStateEvent e) {
            return "Newstate(" + e.getChannelStateDesc() + ")";
        }
        if (event instanceof DialBeginEvent) {
            return "DialBegin";
        }
        if (event instanceof DialStateEvent e) {
            return "DialState(" + e.getDialStatus() + ")";
        }
        if (event instanceof DialEndEvent e) {
            return "DialEnd(" + e.getDialStatus() + ")";
        }
        if (event instanceof VarSetEvent e) {
            return trackedVariables.contains(e.getVariable()) ? "VarSet(" + e.getVariable() + "=" + e.getValue() + ")" : null;
        }
        if (event instanceof DtmfBeginEvent) {
            return "DTMFBegin(" + text(event, "getDigit") + ")";
        }
        if (event instanceof DtmfEndEvent) {
            return "DTMFEnd(" + text(event, "getDigit") + ")";
        }
        if (event instanceof RobotChoiceEvent e) {
            return "RobotChoice(" + e.getCallId() + "," + e.getChoice() + ")";
        }
        if (event instanceof BridgeCreateEvent || event instanceof BridgeDestroyEvent
                || event instanceof BridgeEnterEvent || event instanceof BridgeLeaveEvent) {
            return event.getClass().getSimpleName().replace("Event", "");
        }
        if (event instanceof HangupEvent e) {
            return "Hangup(" + e.getCause() + ")";
        }
        if (event instanceof CdrEvent e) {
            return "Cdr(" + e.getDisposition() + (withBillableSeconds ? "," + e.getBillableSeconds() : "") + ")";
        }
        if (event instanceof ShutdownEvent) {
            return "Shutdown";
        }
        return null;
    }

    /** asterisk-java reads Asterisk's {@code <unknown>} as null. */
    private static boolean hasChannel(String uniqueid) {
        return uniqueid != null && !uniqueid.equals("<unknown>");
    }

    private static String text(Object target, String getter) {
        try {
            Method method = target.getClass().getMethod(getter);
            Object value = method.invoke(target);
            return value == null ? null : String.valueOf(value);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        lanes.forEach((lane, events) -> text.append(lane).append(" -> ").append(events).append('\n'));
        return text.toString();
    }
}
