package com.bank.callcenter.telephony.sim;

import java.util.Set;

/**
 * Everything the simulated PBX can be told. Times are in simulated milliseconds (what a real call
 * would take); {@code timeScale} turns them into wall-clock delays (0.01 = a hundred times faster),
 * and CDR durations stay in simulated seconds.
 *
 * @param port                     AMI port; 0 picks a free one
 * @param username                 AMI user
 * @param secret                   its secret (plain {@code Secret:} or MD5 {@code Key:} login)
 * @param seed                     makes outcomes and cross-channel event order repeatable
 * @param outcomeRule              chooses what the dialled number does
 * @param ringTimeMs               from dialling to answer, busy or congestion
 * @param talkTimeMs               from answer to the customer hanging up
 * @param promptTimeMs             from answer to the digit (or the hang-up, for no input) at the robot prompt
 * @param timingJitter             up to this fraction is added to or taken from each delay, so calls interleave
 * @param timeScale                wall-clock milliseconds per simulated millisecond
 * @param varyEventOrder           interleave simultaneous events of different channels in a seeded random order
 * @param robotContext             Originate context whose calls play the robot menu (Read + UserEvent)
 * @param robotUserEvent           name of the UserEvent raised with the choice
 * @param callIdVariable           channel variable copied into the robot UserEvent's {@code CallId}
 * @param robotChoiceDbFamily      AstDB family where the robot dialplan stores a pressed digit (key = the call id,
 *                                 {@code Set(DB(<family>/${CALL_ID})=${CHOICE})}); read with DBGet, removed with DBDel
 * @param robotNoInputReport       when the customer hangs up at the prompt, raise the robot UserEvent with an
 *                                 empty {@code Choice} from the {@code h} extension (the recordings' dialplan had none)
 * @param clickToCallContext       Originate context that, once the agent answers, dials the Exten
 * @param clickToCallDialTemplate  dial string of the customer leg; {@code {number}} is replaced by the Exten
 * @param clickToCallDialTimeoutMs how long the customer leg of a click-to-call rings before NOANSWER
 * @param clickToCallDialVariable  Originate variable holding the customer leg's whole dial string (the service's
 *                                 {@code CUSTOMER_DIAL}); when the Originate sets it, it wins over the template and Exten
 * @param agentOutcomeRule         what the agent's phone (the Originate channel of a click-to-call) does; default answers
 * @param channelTechnologies      channel technologies that exist; others fail like {@code Nope/123}
 * @param messageEndpoints         PJSIP endpoints MessageSend can reach ({@code pjsip:<endpoint>/...})
 * @param asteriskVersion          reported by CoreSettings and {@code core show version}
 * @param amiVersion               the banner's and CoreSettings' AMI version
 * @param eventFilter              the AMI user's manager.conf {@code eventfilter} lines: what a logged-in client receives
 * @param queues                   app_queue queues that exist (queues.conf), without members until QueueAdd
 * @param teamQueueVariable        robot-call variable naming the queue a customer pressing 1 goes to
 *                                 ({@code Queue(${TEAM_QUEUE},,,,300)}); a call without it hangs up after the choice
 */
public record SimulatedPbxOptions(
        int port,
        String username,
        String secret,
        long seed,
        OutcomeRule outcomeRule,
        long ringTimeMs,
        long talkTimeMs,
        long promptTimeMs,
        double timingJitter,
        double timeScale,
        boolean varyEventOrder,
        String robotContext,
        String robotUserEvent,
        String callIdVariable,
        String robotChoiceDbFamily,
        boolean robotNoInputReport,
        String clickToCallContext,
        String clickToCallDialTemplate,
        long clickToCallDialTimeoutMs,
        String clickToCallDialVariable,
        OutcomeRule agentOutcomeRule,
        Set<String> channelTechnologies,
        Set<String> messageEndpoints,
        String asteriskVersion,
        String amiVersion,
        AmiEventFilter eventFilter,
        Set<String> queues,
        String teamQueueVariable) {

    public static final int DEFAULT_PORT = 5038;
    public static final String NUMBER_PLACEHOLDER = "{number}";
    /** Asterisk's default when an Originate has no {@code Timeout}. */
    public static final long DEFAULT_ORIGINATE_TIMEOUT_MS = 30_000;

    public SimulatedPbxOptions {
        if (timeScale <= 0) {
            throw new IllegalArgumentException("timeScale must be > 0");
        }
        if (timingJitter < 0 || timingJitter >= 1) {
            throw new IllegalArgumentException("timingJitter must be in [0, 1)");
        }
        channelTechnologies = Set.copyOf(channelTechnologies);
        messageEndpoints = Set.copyOf(messageEndpoints);
        queues = Set.copyOf(queues);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SimulatedPbxOptions defaults() {
        return builder().build();
    }

    /** Wall-clock milliseconds for a simulated duration. */
    public long scaled(long simulatedMs) {
        return Math.round(simulatedMs * timeScale);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.username = username;
        b.secret = secret;
        b.seed = seed;
        b.outcomeRule = outcomeRule;
        b.ringTimeMs = ringTimeMs;
        b.talkTimeMs = talkTimeMs;
        b.promptTimeMs = promptTimeMs;
        b.timingJitter = timingJitter;
        b.timeScale = timeScale;
        b.varyEventOrder = varyEventOrder;
        b.robotContext = robotContext;
        b.robotUserEvent = robotUserEvent;
        b.callIdVariable = callIdVariable;
        b.robotChoiceDbFamily = robotChoiceDbFamily;
        b.robotNoInputReport = robotNoInputReport;
        b.clickToCallContext = clickToCallContext;
        b.clickToCallDialTemplate = clickToCallDialTemplate;
        b.clickToCallDialTimeoutMs = clickToCallDialTimeoutMs;
        b.clickToCallDialVariable = clickToCallDialVariable;
        b.agentOutcomeRule = agentOutcomeRule;
        b.channelTechnologies = channelTechnologies;
        b.messageEndpoints = messageEndpoints;
        b.asteriskVersion = asteriskVersion;
        b.amiVersion = amiVersion;
        b.eventFilter = eventFilter;
        b.queues = queues;
        b.teamQueueVariable = teamQueueVariable;
        return b;
    }

    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String username = "callcenter";
        private String secret = "callcenter";
        private long seed = 20261123L;
        private OutcomeRule outcomeRule = OutcomeMix.TYPICAL;
        private long ringTimeMs = 1_000;
        private long talkTimeMs = 3_000;
        private long promptTimeMs = 1_000;
        private double timingJitter = 0.2;
        private double timeScale = 1.0;
        private boolean varyEventOrder = true;
        private String robotContext = "robot";
        private String robotUserEvent = "RobotChoice";
        private String callIdVariable = "CALL_ID";
        private String robotChoiceDbFamily = "callcenter/choice";
        private boolean robotNoInputReport = true;
        private String clickToCallContext = "c2c";
        private String clickToCallDialTemplate = "Local/" + NUMBER_PLACEHOLDER + "@sim-carrier";
        private long clickToCallDialTimeoutMs = 45_000;
        private String clickToCallDialVariable = "CUSTOMER_DIAL";
        private OutcomeRule agentOutcomeRule = OutcomeRule.always(Outcome.ANSWER);
        private Set<String> channelTechnologies = Set.of("Local", "PJSIP", "SIP", "IAX2", "DAHDI");
        private Set<String> messageEndpoints = Set.of("sms-gw");
        private String asteriskVersion = "22.9.0";
        private String amiVersion = "11.0.0";
        private AmiEventFilter eventFilter = AmiEventFilter.NONE;
        private Set<String> queues = Set.of("rm-team");
        private String teamQueueVariable = "TEAM_QUEUE";

        public Builder port(int port) { this.port = port; return this; }
        public Builder username(String username) { this.username = username; return this; }
        public Builder secret(String secret) { this.secret = secret; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder outcomeRule(OutcomeRule outcomeRule) { this.outcomeRule = outcomeRule; return this; }
        public Builder ringTimeMs(long ringTimeMs) { this.ringTimeMs = ringTimeMs; return this; }
        public Builder talkTimeMs(long talkTimeMs) { this.talkTimeMs = talkTimeMs; return this; }
        public Builder promptTimeMs(long promptTimeMs) { this.promptTimeMs = promptTimeMs; return this; }
        public Builder timingJitter(double timingJitter) { this.timingJitter = timingJitter; return this; }
        public Builder timeScale(double timeScale) { this.timeScale = timeScale; return this; }
        public Builder varyEventOrder(boolean varyEventOrder) { this.varyEventOrder = varyEventOrder; return this; }
        public Builder robotContext(String robotContext) { this.robotContext = robotContext; return this; }
        public Builder robotUserEvent(String robotUserEvent) { this.robotUserEvent = robotUserEvent; return this; }
        public Builder callIdVariable(String callIdVariable) { this.callIdVariable = callIdVariable; return this; }
        public Builder robotChoiceDbFamily(String family) { this.robotChoiceDbFamily = family; return this; }
        public Builder robotNoInputReport(boolean report) { this.robotNoInputReport = report; return this; }
        public Builder clickToCallContext(String clickToCallContext) { this.clickToCallContext = clickToCallContext; return this; }
        public Builder clickToCallDialTemplate(String template) { this.clickToCallDialTemplate = template; return this; }
        public Builder clickToCallDialTimeoutMs(long timeoutMs) { this.clickToCallDialTimeoutMs = timeoutMs; return this; }
        public Builder clickToCallDialVariable(String variable) { this.clickToCallDialVariable = variable; return this; }
        public Builder agentOutcomeRule(OutcomeRule agentOutcomeRule) { this.agentOutcomeRule = agentOutcomeRule; return this; }
        public Builder channelTechnologies(Set<String> technologies) { this.channelTechnologies = technologies; return this; }
        public Builder messageEndpoints(Set<String> endpoints) { this.messageEndpoints = endpoints; return this; }
        public Builder asteriskVersion(String asteriskVersion) { this.asteriskVersion = asteriskVersion; return this; }
        public Builder amiVersion(String amiVersion) { this.amiVersion = amiVersion; return this; }
        /** What a client receives, as the AMI user's manager.conf {@code eventfilter} lines say. */
        public Builder eventFilter(AmiEventFilter filter) { this.eventFilter = filter; return this; }

        public Builder queues(Set<String> names) { this.queues = Set.copyOf(names); return this; }
        public Builder teamQueueVariable(String variable) { this.teamQueueVariable = variable; return this; }

        public SimulatedPbxOptions build() {
            return new SimulatedPbxOptions(port, username, secret, seed, outcomeRule, ringTimeMs, talkTimeMs,
                    promptTimeMs, timingJitter, timeScale, varyEventOrder, robotContext, robotUserEvent,
                    callIdVariable, robotChoiceDbFamily, robotNoInputReport, clickToCallContext, clickToCallDialTemplate, clickToCallDialTimeoutMs,
                    clickToCallDialVariable, agentOutcomeRule, channelTechnologies, messageEndpoints, asteriskVersion, amiVersion,
                    eventFilter, queues, teamQueueVariable);
        }
    }
}
