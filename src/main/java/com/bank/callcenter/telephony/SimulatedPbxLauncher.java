package com.bank.callcenter.telephony;

import com.bank.callcenter.telephony.sim.AmiEventFilter;
import com.bank.callcenter.telephony.sim.LastDigitOutcomeRule;
import com.bank.callcenter.telephony.sim.OutcomeMix;
import com.bank.callcenter.telephony.sim.OutcomeRule;
import com.bank.callcenter.telephony.sim.SimulatedPbx;
import com.bank.callcenter.telephony.sim.SimulatedPbxOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Which AMI servers to use: telephony.ami.servers when set; otherwise the simulated PBX, started here
 * in-process on a free port (the embedded default and the tests), reached over TCP like any Asterisk.
 */
@ApplicationScoped
public class SimulatedPbxLauncher {

    /** The AMI user, as named in telephony/manager.conf. */
    private static final String SIMULATOR_USER = "callcenter";
    private static final String MANAGER_CONF = "telephony/manager.conf";
    private static final int SECRET_BYTES = 12;

    private final TelephonyConfig config;
    private SimulatedPbx simulator;

    public SimulatedPbxLauncher(TelephonyConfig config) {
        this.config = config;
    }

    public synchronized List<AmiServerAddress> servers() {
        Optional<List<String>> configured = config.ami().servers();
        if (configured.isPresent() && !configured.get().isEmpty()) {
            return configured.get().stream().map(AmiServerAddress::parse).toList();
        }
        if (simulator == null) {
            simulator = start();
        }
        return List.of(new AmiServerAddress("127.0.0.1", simulator.port(), SIMULATOR_USER, simulator.options().secret()));
    }

    /** The in-process simulated PBX, when the service runs on it. */
    public synchronized Optional<SimulatedPbx> simulator() {
        return Optional.ofNullable(simulator);
    }

    private SimulatedPbx start() {
        TelephonyConfig.Simulator sim = config.simulator();
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        SimulatedPbxOptions options = SimulatedPbxOptions.builder()
                .port(0)
                .username(SIMULATOR_USER)
                .secret(HexFormat.of().formatHex(secret))
                .seed(sim.seed())
                .outcomeRule(rule(sim.outcomeRule()))
                .agentOutcomeRule(rule(sim.agentOutcomeRule()))
                .ringTimeMs(sim.ringMs())
                .talkTimeMs(sim.talkMs())
                .timeScale(sim.timeScale())
                .clickToCallDialTimeoutMs(sim.noAnswerMs())
                .clickToCallContext(DialplanContract.AGENT_FIRST_CONTEXT)
                .clickToCallDialVariable(DialplanContract.CUSTOMER_DIAL)
                .robotContext(DialplanContract.ROBOT_CONTEXT)
                .robotUserEvent(DialplanContract.ROBOT_CHOICE_EVENT)
                .callIdVariable(DialplanContract.CALL_ID)
                .robotChoiceDbFamily(DialplanContract.ROBOT_CHOICE_DB_FAMILY)
                .messageEndpoints(java.util.Set.of("sms-gw", smsEndpoint(config.sms().to())))
                .eventFilter(managerConfFilter())
                .queues(java.util.Set.copyOf(sim.queues()))
                .teamQueueVariable(DialplanContract.TEAM_QUEUE)
                .build();
        try {
            return new SimulatedPbx(options).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated PBX", e);
        }
    }

    /**
     * The [callcenter] user's eventfilter lines of telephony/manager.conf (on the classpath, see the pom): the
     * simulated PBX leaves out what Asterisk leaves out, from the same file.
     */
    static AmiEventFilter managerConfFilter() {
        try (InputStream in = SimulatedPbxLauncher.class.getClassLoader().getResourceAsStream(MANAGER_CONF)) {
            if (in == null) {
                throw new IllegalStateException(MANAGER_CONF + " is not on the classpath");
            }
            return AmiEventFilter.ofManagerConf(new String(in.readAllBytes(), StandardCharsets.UTF_8), SIMULATOR_USER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MANAGER_CONF, e);
        }
    }

    /** The PJSIP endpoint MessageSend reaches: {@code pjsip:carrier-sms/sip:...} names carrier-sms. */
    static String smsEndpoint(String to) {
        String target = to.toLowerCase(java.util.Locale.ROOT).startsWith("pjsip:") ? to.substring("pjsip:".length()) : to;
        int slash = target.indexOf('/');
        String head = slash < 0 ? target : target.substring(0, slash);
        int at = head.indexOf('@');
        return at < 0 ? head : head.substring(at + 1);
    }

    private static OutcomeRule rule(String name) {
        switch (name) {
            case "last-digit":
                return new LastDigitOutcomeRule();
            case "typical":
                return OutcomeMix.TYPICAL;
            case "answer":
                return OutcomeRule.always(com.bank.callcenter.telephony.sim.Outcome.ANSWER);
            default:
                throw new IllegalArgumentException("telephony.simulator outcome rule: last-digit, typical or answer, not " + name);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
