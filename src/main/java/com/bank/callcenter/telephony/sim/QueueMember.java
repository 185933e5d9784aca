package com.bank.callcenter.telephony.sim;

/**
 * A dynamic member of a simulated app_queue queue, as QueueAdd made it. Its device is busy while the
 * RM leg of a hand-off is up (or any other live channel of its Interface: ringinuse = no).
 */
final class QueueMember {

    /** Asterisk's device states as QueueMember* report them. */
    static final int STATUS_NOT_INUSE = 1;
    static final int STATUS_INUSE = 2;

    /** What the events and QueueStatus print, read at one moment. */
    record State(String memberInterface, String memberName, String stateInterface, int callsTaken, long lastCall,
                 long lastPause, long loginTime, boolean inCall, int status, boolean paused, String pausedReason) {
    }

    private final String memberInterface;
    private final String memberName;
    private final String stateInterface;
    private final long loginTime;
    private int callsTaken;
    private long lastCall;
    private long lastPause;
    private boolean paused;
    private String pausedReason = "";
    /** The RM leg of the hand-off in progress, if any. */
    private ChannelSnapshot call;
    private boolean connected;

    QueueMember(String memberInterface, String memberName, String stateInterface, long loginTime) {
        this.memberInterface = memberInterface;
        this.memberName = memberName;
        this.stateInterface = stateInterface;
        this.loginTime = loginTime;
    }

    String memberInterface() {
        return memberInterface;
    }

    synchronized boolean paused() {
        return paused;
    }

    synchronized void pause(boolean pause, String reason, long nowSeconds) {
        paused = pause;
        pausedReason = pause && reason != null ? reason : "";
        if (pause) {
            lastPause = nowSeconds;
        }
    }

    /** On a hand-off's call (ringing or talking) that has not ended yet. */
    synchronized boolean onQueueCall() {
        return call != null && !call.hungUp();
    }

    synchronized void ringing(ChannelSnapshot rmLeg) {
        call = rmLeg;
        connected = false;
    }

    synchronized void connected() {
        connected = true;
    }

    synchronized void completed(long nowSeconds) {
        call = null;
        connected = false;
        callsTaken++;
        lastCall = nowSeconds;
    }

    synchronized State state() {
        boolean busy = onQueueCall();
        return new State(memberInterface, memberName, stateInterface, callsTaken, lastCall, lastPause, loginTime,
                busy && connected, busy ? STATUS_INUSE : STATUS_NOT_INUSE, paused, pausedReason);
    }
}
