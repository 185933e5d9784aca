package com.bank.callcenter.telephony;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PBX link and dialing. Without {@code telephony.ami.servers} the service starts the simulated
 * PBX in-process and connects to it over TCP, like to any Asterisk.
 */
@ConfigMapping(prefix = "telephony")
public interface TelephonyConfig {

    Ami ami();

    Dial dial();

    Sms sms();

    /** The caller id shown to customers (CALLER_ID). */
    @WithDefault("95500")
    String callerId();

    /** Threads writing call records (each call always on the same one, so its changes stay in order). */
    @WithDefault("2")
    @jakarta.validation.constraints.Min(1)
    int recordWriters();

    /** How often an instance renews its call-follower heartbeat in Redis (gone after three missed beats). */
    @WithDefault("PT10S")
    java.time.Duration followerHeartbeat();

    /** How often an instance looks for calls whose follower stopped, to adopt them ("off" = only on link-up). */
    @WithDefault("1m")
    String adoptionInterval();

    /** MixMonitor file name (RECORDING); {callId} is replaced. */
    @WithDefault("callcenter/{callId}.wav")
    String recordingFile();

    /** How long a customer stays locked against a second dial at most (the lock is released when the call ends). */
    @WithDefault("PT2H")
    Duration dialingLockTtl();

    Simulator simulator();

    interface Ami {
        /** Comma-separated {@code ami://user:secret@host:port}; absent = the simulated PBX. */
        Optional<List<String>> servers();

        /** Login event mask: what the service reads and nothing more. */
        @WithDefault("call,user,cdr,dialplan,system,agent")
        String events();

        /** A link counts as up only after Asterisk's FullyBooted (needs the system read permission). */
        @WithDefault("true")
        boolean waitForFullyBooted();

        /** Keep-alive Ping period. */
        @WithDefault("PT20S")
        Duration pingInterval();

        /** Until the first login succeeds, it is retried this often (afterwards asterisk-java reconnects by itself). */
        @WithDefault("PT5S")
        Duration connectRetry();

        /** How long the agent's phone rings (Originate Timeout). */
        @WithDefault("PT30S")
        Duration agentRingTimeout();

        /** Timeout of reconciliation queries (CoreShowChannels, Getvar). */
        @WithDefault("PT10S")
        Duration queryTimeout();
    }

    interface Dial {
        /** Dial string of a customer; {number} is the mobile number. */
        @WithDefault("PJSIP/{number}@carrier")
        String customer();

        /** Dial string of an RM's phone; {extension} is the staff extension. */
        @WithDefault("PJSIP/{extension}")
        String agent();
    }

    interface Sms {
        /** MessageSend To; {number} is the mobile number. */
        @WithDefault("pjsip:carrier-sms/sip:{number}@carrier")
        String to();
    }

    /** The in-process simulated PBX (only without telephony.ami.servers). */
    interface Simulator {
        @WithDefault("20261123")
        long seed();

        /** Simulated ring time (dial to answer/busy). */
        @WithDefault("4000")
        long ringMs();

        /** Simulated talk time after the answer. */
        @WithDefault("20000")
        long talkMs();

        /** Wall-clock ms per simulated ms (0.1 = ten times faster). */
        @WithDefault("1.0")
        double timeScale();

        /** How long the customer leg of a click-to-call rings before no answer (simulated ms). */
        @WithDefault("30000")
        long noAnswerMs();

        /** Customers: "last-digit" (0/8/9 answer, 1 busy, 2 congestion, 3 no answer, ...) or "typical" (seeded mix). */
        @WithDefault("last-digit")
        String outcomeRule();

        /** RM phones: "answer" (always) or "last-digit" (an extension ending in 1 is busy, 3 does not answer...). */
        @WithDefault("answer")
        String agentOutcomeRule();

        /** The app_queue queues the simulated PBX has (queues.conf), e.g. the RM team queue. */
        @WithDefault("rm-team")
        java.util.List<String> queues();
    }
}
