package com.bank.callcenter.telephony;

/**
 * What the service and the dialplan in telephony/extensions.conf agree on: context names,
 * extensions, channel variables and UserEvents. The dialplan holds no carrier or phone names:
 * the service passes every dial string as a channel variable. A test reads telephony/*.conf and
 * fails when anything named here is missing, so the two cannot drift apart.
 */
public final class DialplanContract {

    /** Agent-first click-to-call: Originate Channel = the RM's phone, then this context dials the customer. */
    public static final String AGENT_FIRST_CONTEXT = "callcenter-agent-first";

    /** Robot call: Originate Channel = the customer leg; this context plays the prompt and reads a digit. */
    public static final String ROBOT_CONTEXT = "callcenter-robot";

    /** Inbound SIP MESSAGE (SMS replies such as "TD"): raised to the service as a UserEvent. */
    public static final String SMS_IN_CONTEXT = "callcenter-sms-in";

    /** Plays a customer for trying every path without a carrier: the behaviour follows the last digit. */
    public static final String TEST_CUSTOMER_CONTEXT = "callcenter-test-customer";

    /** The extension the service originates into. */
    public static final String START_EXTENSION = "s";

    /** Ties every event of a call to the call record. */
    public static final String CALL_ID = "CALL_ID";

    /** The customer leg's dial string (from telephony.dial.customer), for the agent-first context. */
    public static final String CUSTOMER_DIAL = "CUSTOMER_DIAL";

    /** The caller id shown to the customer. */
    public static final String CALLER_ID = "CALLER_ID";

    /** MixMonitor file name of the recording. */
    public static final String RECORDING = "RECORDING";

    /** The robot prompt, as custom/&lt;name&gt; without extension. */
    public static final String PROMPT = "PROMPT";

    /** The app_queue queue of human RMs that takes a customer who pressed 1. */
    public static final String TEAM_QUEUE = "TEAM_QUEUE";

    /**
     * The channel variables whose VarSet events reach the service: CALL_ID ties channels to their call, and
     * app_queue's QUEUESTATUS is the only sign that a customer who pressed 1 reached no RM (JOINEMPTY, TIMEOUT...).
     * Every other VarSet (each Set, Read, Queue... raises some) is dropped by Asterisk before it crosses the wire:
     * manager.conf's [callcenter] eventfilter lines, which the simulated PBX applies too (a test keeps them equal).
     */
    public static final java.util.Set<String> VARIABLES_REPORTED = java.util.Set.of(CALL_ID, "QUEUESTATUS");

    /** UserEvent of the robot menu: fields CallId and Choice (empty = no input). */
    public static final String ROBOT_CHOICE_EVENT = "RobotChoice";

    /**
     * AstDB family where the robot dialplan stores the digit pressed, right after Read and only when
     * one was pressed: {@code Set(DB(callcenter/choice/${CALL_ID})=${CHOICE})}. The choice so outlives an
     * instance that died before its RobotChoice UserEvent arrived: the instance that adopts the call
     * reads it with DBGet, applies it and removes it with DBDel.
     */
    public static final String ROBOT_CHOICE_DB_FAMILY = "callcenter/choice";

    /** UserEvent of an inbound SMS: fields From and Body. */
    public static final String SMS_IN_EVENT = "SmsIn";

    private DialplanContract() {
    }
}
