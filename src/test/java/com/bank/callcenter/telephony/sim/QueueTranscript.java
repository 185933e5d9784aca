package com.bank.callcenter.telephony.sim;

/** The scenarios of {@code queue-handoff.txt}: the team queue on a real Asterisk 22.9.0. */
public final class QueueTranscript {

    public static final String FILE = "queue-handoff.txt";
    public static final String ADD = "QueueAdd of an RM (Local member, no StateInterface), then QueueStatus";
    public static final String HANDOFF = "robot call, the customer presses 1, Queue() rings rm001, who answers; the "
            + "customer hangs up (QueueStatus sent once while the caller waits, once during the talk)";
    public static final String PAUSED = "QueuePause (lunch), QueueStatus, then a press-1 call with the only member paused";
    public static final String EMPTY = "QueuePause false, QueueRemove, QueueStatus, then a press-1 call with the queue empty";
    public static final String FAILING = "actions that fail: QueueAdd of a member already there, QueueRemove/QueuePause"
            + " of a non-member, QueueAdd to an unknown queue";
    public static final String RELOAD = "module reload app_queue.so with rm001 a member, then QueueStatus";
    public static final String STOP = "Asterisk stopped from the CLI (core stop now); rm001 still a member";
    public static final String RESTART = "a new connection after the restart: QueueStatus, Logoff";

    private QueueTranscript() {
    }

    public static AmiTranscript load() {
        return AmiTranscript.load(FILE);
    }
}
