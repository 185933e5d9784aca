package com.bank.callcenter.telephony.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated channel and the snapshot block Asterisk prints for it (Channel ... Linkedid).
 * Mutated only by its call's timeline (under the call's lock); read by the query actions.
 */
public final class ChannelSnapshot {

    static final String UNKNOWN = "<unknown>";

    private final String name;
    private final String uniqueid;
    private final String linkedid;
    private final String type;
    private final long sequence;
    private long createdAtMs;
    private final SimulatedCall call;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private ChannelState state;
    private String callerIdNum = "";
    private String callerIdName = "";
    private String connectedLineNum = "";
    private String connectedLineName = "";
    private String context;
    private String exten;
    private int priority = 1;
    private String application = "";
    private String applicationData = "";
    private String bridgeId = "";
    private long answeredAtMs;
    private boolean recordsCdr = true;
    private boolean hungUp;

    ChannelSnapshot(String name, String type, String uniqueid, String linkedid, long sequence, long createdAtMs,
            ChannelState state, String context, String exten, SimulatedCall call) {
        this.name = name;
        this.type = type;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.sequence = sequence;
        this.createdAtMs = createdAtMs;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.call = call;
    }

    /** Appends the snapshot block, each key prefixed (e.g. {@code Dest} in DialBegin). */
    public synchronized AmiMessage appendTo(AmiMessage message, String prefix) {
        return message
                .add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state.code())
                .add(prefix + "ChannelStateDesc", state.description())
                .add(prefix + "CallerIDNum", orUnknown(callerIdNum))
                .add(prefix + "CallerIDName", orUnknown(callerIdName))
                .add(prefix + "ConnectedLineNum", orUnknown(connectedLineNum))
                .add(prefix + "ConnectedLineName", orUnknown(connectedLineName))
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueid)
                .add(prefix + "Linkedid", linkedid);
    }

    public AmiMessage appendTo(AmiMessage message) {
        return appendTo(message, "");
    }

    static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }

    public String name() { return name; }
    public String uniqueid() { return uniqueid; }
    public String linkedid() { return linkedid; }
    public String type() { return type; }
    long sequence() { return sequence; }
    synchronized long createdAtMs() { return createdAtMs; }
    SimulatedCall call() { return call; }

    public synchronized ChannelState state() { return state; }
    public synchronized String callerIdNum() { return callerIdNum; }
    public synchronized String callerIdName() { return callerIdName; }
    public synchronized String connectedLineNum() { return connectedLineNum; }
    public synchronized String context() { return context; }
    public synchronized String exten() { return exten; }
    public synchronized int priority() { return priority; }
    public synchronized String application() { return application; }
    public synchronized String applicationData() { return applicationData; }
    public synchronized String bridgeId() { return bridgeId; }
    public synchronized long answeredAtMs() { return answeredAtMs; }
    synchronized boolean recordsCdr() { return recordsCdr; }
    public synchronized boolean hungUp() { return hungUp; }

    public synchronized String variable(String variableName) {
        return variables.get(variableName);
    }

    synchronized void state(ChannelState newState) { this.state = newState; }
    synchronized void callerId(String num, String nameText) { this.callerIdNum = num; this.callerIdName = nameText; }
    synchronized void connectedLine(String num, String nameText) { this.connectedLineNum = num; this.connectedLineName = nameText; }
    synchronized void dialplan(String newContext, String newExten, int newPriority) {
        this.context = newContext;
        this.exten = newExten;
        this.priority = newPriority;
    }
    synchronized void exten(String newExten) { this.exten = newExten; }
    synchronized void priority(int newPriority) { this.priority = newPriority; }
    synchronized void application(String app, String data) { this.application = app; this.applicationData = data; }
    synchronized void bridgeId(String id) { this.bridgeId = id; }
    synchronized void bornAt(long epochMs) { this.createdAtMs = epochMs; }
    synchronized void answeredAt(long epochMs) { this.answeredAtMs = epochMs; }
    synchronized void recordsCdr(boolean records) { this.recordsCdr = records; }
    synchronized void hungUp(boolean done) { this.hungUp = done; }
    synchronized void variable(String variableName, String value) { variables.put(variableName, value); }
}
