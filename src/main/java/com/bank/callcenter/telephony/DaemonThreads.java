package com.bank.callcenter.telephony;

import java.util.concurrent.ThreadFactory;

/** Threads of the PBX links that never keep the JVM alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
