package com.bank.callcenter.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bank.callcenter.support.AsteriskConfigFile;
import com.bank.callcenter.support.Dialplan;
import com.bank.callcenter.support.Dialplan.Step;
import com.bank.callcenter.support.WavFile;
import com.bank.callcenter.telephony.sim.LastDigitOutcomeRule;
import com.bank.callcenter.telephony.sim.Outcome;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the Asterisk files in {@code telephony/} and fails when a context, extension, channel
 * variable, UserEvent, module configuration, AMI permission, PJSIP endpoint or prompt the service
 * relies on ({@link DialplanContract}) is missing, or when the carrier-less test customer no longer
 * behaves like the simulated PBX ({@link LastDigitOutcomeRule#TABLE}). No Asterisk is needed: the files
 * are read with {@link AsteriskConfigFile}, {@link Dialplan} and {@link WavFile}.
 */
class DialplanContractTest {

    private static final String AMI_SECRET_FILE = "manager_secret.conf";

    static final Path TELEPHONY = Path.of("telephony");
    static final Path SOUNDS = TELEPHONY.resolve("sounds");
    static final Set<String> REQUIRED_LANGUAGES = Set.of("zh", "en");
    /** The robot prompt the service plays (PROMPT), in every language. */
    static final String ROBOT_PROMPT = "custom/robot-offer";
    static final String TEAM_QUEUE_NAME = "rm-team";

    /**
     * Every dialplan application the files may use, with the configuration file its module needs
     * (empty: none). A new application makes this test fail until it is listed here, so that its
     * configuration file is thought of (app_queue and app_amd do not load without theirs).
     */
    static final Map<String, List<String>> APP_CONFIG = Map.ofEntries(
            Map.entry("Answer", List.of()),
            Map.entry("Busy", List.of()),
            Map.entry("Congestion", List.of()),
            Map.entry("Dial", List.of("pjsip.conf")),
            Map.entry("Goto", List.of()),
            Map.entry("GotoIf", List.of()),
            Map.entry("Hangup", List.of()),
            Map.entry("MixMonitor", List.of()),
            Map.entry("NoOp", List.of()),
            Map.entry("Playback", List.of()),
            Map.entry("Queue", List.of("queues.conf", "musiconhold.conf")),
            Map.entry("Read", List.of()),
            Map.entry("Ringing", List.of()),
            Map.entry("SendDTMF", List.of()),
            Map.entry("Set", List.of()),
            Map.entry("UserEvent", List.of("manager.conf")),
            Map.entry("Wait", List.of()),
            Map.entry("AMD", List.of("amd.conf")),
            Map.entry("VoiceMail", List.of("voicemail.conf")),
            Map.entry("ConfBridge", List.of("confbridge.conf")));

    /** The module that provides an application (for modules.conf noload checks). */
    static final Map<String, String> APP_MODULE = Map.of(
            "Dial", "app_dial.so",
            "Queue", "app_queue.so",
            "MixMonitor", "app_mixmonitor.so",
            "Read", "app_read.so",
            "Playback", "app_playback.so",
            "UserEvent", "app_userevent.so",
            "SendDTMF", "app_senddtmf.so");

    static Dialplan dialplan;

    @BeforeAll
    static void read() {
        dialplan = Dialplan.parse(AsteriskConfigFile.read(TELEPHONY.resolve("extensions.conf")));
    }

    // ---------------------------------------------------------------------------------------------
    // The dialplan contract
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyContextOfTheContractExists() {
        List<String> contexts = constants(name -> name.endsWith("_CONTEXT"));
        assertEquals(4, contexts.size(), "contexts in DialplanContract: " + contexts);
        for (String context : contexts) {
            assertTrue(dialplan.contexts.containsKey(context), "extensions.conf has no context [" + context + "]");
        }
    }

    @Test
    void theServiceOriginatesIntoExtensionS() {
        for (String context : List.of(DialplanContract.AGENT_FIRST_CONTEXT, DialplanContract.ROBOT_CONTEXT)) {
            assertFalse(dialplan.steps(context, DialplanContract.START_EXTENSION).isEmpty(),
                    "[" + context + "] has no extension " + DialplanContract.START_EXTENSION);
            assertEquals(1, dialplan.steps(context, DialplanContract.START_EXTENSION).get(0).priority,
                    "[" + context + "] extension s must start at priority 1");
        }
    }

    @Test
    void everyChannelVariableOfTheContractIsRead() {
        List<String> variables = constants(name -> !name.endsWith("_CONTEXT") && !name.endsWith("_EVENT")
                && !name.endsWith("_FAMILY") && !name.equals("START_EXTENSION"));
        assertEquals(Set.of("CALL_ID", "CUSTOMER_DIAL", "CALLER_ID", "RECORDING", "PROMPT", "TEAM_QUEUE"),
                Set.copyOf(variables));
        for (String variable : variables) {
            assertTrue(dialplan.allSteps().anyMatch(step -> step.args.contains("${" + variable + "}")),
                    "no dialplan step reads ${" + variable + "}");
        }
    }

    @Test
    void everyUserEventOfTheContractIsRaised() {
        for (String event : constants(name -> name.endsWith("_EVENT"))) {
            assertTrue(dialplan.allSteps().anyMatch(step -> step.app.equals("UserEvent")
                            && step.arg(0).equals(event)),
                    "no UserEvent(" + event + ",...) in extensions.conf");
        }
    }

    @Test
    void agentFirstSetsTheCallerIdRecordsAndDialsTheCustomer() {
        List<Step> s = dialplan.steps(DialplanContract.AGENT_FIRST_CONTEXT, DialplanContract.START_EXTENSION);
        Step dial = find(s, "Dial", step -> step.arg(0).equals("${" + DialplanContract.CUSTOMER_DIAL + "}"),
                "Dial(${CUSTOMER_DIAL},...)");
        Step callerId = find(s, "Set", step -> step.args.equals("CALLERID(num)=${" + DialplanContract.CALLER_ID + "}"),
                "Set(CALLERID(num)=${CALLER_ID})");
        Step record = find(s, "MixMonitor", step -> step.arg(0).equals("${" + DialplanContract.RECORDING + "}")
                && step.arg(1).contains("b"), "MixMonitor(${RECORDING},b)");
        assertTrue(callerId.index < dial.index && record.index < dial.index,
                "caller id and recording must be set before Dial");
        assertTrue(s.get(s.size() - 1).app.equals("Hangup"), "agent-first must end with Hangup");
    }

    @Test
    void robotReadsTheChoiceReportsItAndActsOnIt() {
        List<Step> s = dialplan.steps(DialplanContract.ROBOT_CONTEXT, DialplanContract.START_EXTENSION);
        Step answer = find(s, "Answer", step -> true, "Answer()");
        Step read = find(s, "Read", step -> step.arg(0).equals("CHOICE")
                && step.arg(1).equals("${" + DialplanContract.PROMPT + "}")
                && step.arg(2).equals("1"), "Read(CHOICE,${PROMPT},1,...)");
        Step event = find(s, "UserEvent", this::isRobotChoiceEvent,
                "UserEvent(RobotChoice,CallId: ${CALL_ID},Choice: ${CHOICE})");
        assertTrue(event.fields().get("Choice").equals("${CHOICE}"), "Choice must be ${CHOICE}");
        assertTrue(answer.index < read.index && read.index < event.index, "Answer, Read, then UserEvent");

        Map<String, Step> onChoice = new LinkedHashMap<>();
        Pattern choiceBranch = Pattern.compile("\\$\\[\"\\$\\{CHOICE}\" = \"(\\d)\"]\\?(\\w+)");
        for (Step step : s) {
            if (step.app.equals("GotoIf")) {
                Matcher m = choiceBranch.matcher(step.args);
                if (m.matches()) {
                    assertTrue(step.index > event.index, "the choice is reported before the branch");
                    onChoice.put(m.group(1), Dialplan.labelled(s, m.group(2)));
                }
            }
        }
        Step queue = onChoice.get("1");
        assertNotNull(queue, "no branch for choice 1");
        assertEquals("Queue", queue.app, "choice 1 goes to the team queue");
        assertEquals("${" + DialplanContract.TEAM_QUEUE + "}", queue.arg(0));
        assertEquals("300", queue.arg(4), "Queue timeout (5th argument) 300 s");
        assertEquals("Playback(custom/sms-sent)", onChoice.get("2").app + "(" + onChoice.get("2").args + ")");
        assertEquals("Playback(custom/optout-ok)", onChoice.get("9").app + "(" + onChoice.get("9").args + ")");
        assertEquals(Set.of("1", "2", "9"), onChoice.keySet(), "branches on the choice");
        Step otherwise = s.get(lastBranchIndex(s, choiceBranch) + 1);
        assertEquals("Playback(custom/goodbye)", otherwise.app + "(" + otherwise.args + ")", "any other choice: goodbye");
    }

    /**
     * A digit pressed must outlive the instance following the call: right after Read (and before the
     * UserEvent, in s and in h) the dialplan stores it with Set(DB(callcenter/choice/${CALL_ID})=${CHOICE}),
     * only when a digit was pressed (a GotoIf on an empty CHOICE jumps over the write).
     */
    @Test
    void robotStoresAPressedDigitInAstDbBeforeReportingIt() {
        assertEquals("callcenter/choice", DialplanContract.ROBOT_CHOICE_DB_FAMILY);
        String write = "DB(" + DialplanContract.ROBOT_CHOICE_DB_FAMILY + "/${" + DialplanContract.CALL_ID
                + "})=${CHOICE}";
        List<Step> s = dialplan.steps(DialplanContract.ROBOT_CONTEXT, DialplanContract.START_EXTENSION);
        Step read = find(s, "Read", step -> step.arg(0).equals("CHOICE"), "Read(CHOICE,...)");
        for (String extension : List.of(DialplanContract.START_EXTENSION, "h")) {
            List<Step> steps = dialplan.steps(DialplanContract.ROBOT_CONTEXT, extension);
            Step set = find(steps, "Set", step -> step.args.equals(write), "Set(" + write + ") in " + extension);
            Step event = find(steps, "UserEvent", this::isRobotChoiceEvent, "the RobotChoice UserEvent in " + extension);
            assertTrue(set.index < event.index, extension + ": the choice is stored before it is reported");
            if (extension.equals(DialplanContract.START_EXTENSION)) {
                assertTrue(read.index < set.index, "the choice is stored right after Read");
            }
            Pattern noDigit = Pattern.compile("\\$\\[\"\\$\\{CHOICE}\" = \"\"]\\?(\\w+)");
            Step guard = steps.stream().filter(step -> step.app.equals("GotoIf") && step.index < set.index
                            && noDigit.matcher(step.args).matches()).findFirst()
                    .orElseThrow(() -> new AssertionError(extension + ": no GotoIf($[\"${CHOICE}\" = \"\"]?...)"
                            + " before the AstDB write: only a pressed digit is stored"));
            Matcher m = noDigit.matcher(guard.args);
            assertTrue(m.matches());
            Step target = Dialplan.labelled(steps, m.group(1));
            assertTrue(target.index > set.index && target.index <= event.index,
                    extension + ": no digit jumps over the AstDB write to the report");
        }
    }

    @Test
    void robotReportsNoInputFromTheHangupExtension() {
        List<Step> s = dialplan.steps(DialplanContract.ROBOT_CONTEXT, DialplanContract.START_EXTENSION);
        List<Step> h = dialplan.steps(DialplanContract.ROBOT_CONTEXT, "h");
        assertFalse(h.isEmpty(), "[callcenter-robot] needs an h extension: a hang-up during the prompt"
                + " ends the dialplan before the UserEvent");
        Step event = find(h, "UserEvent", this::isRobotChoiceEvent, "UserEvent(RobotChoice,CallId: ${CALL_ID},Choice: ...)");
        // guarded by a flag that s sets right after its own UserEvent, so the choice is not reported twice
        Step reported = find(s, "UserEvent", this::isRobotChoiceEvent, "the UserEvent in s");
        Step flag = s.get(reported.index + 1);
        assertEquals("Set", flag.app, "s must set a 'reported' flag right after its UserEvent");
        String flagVariable = flag.args.substring(0, flag.args.indexOf('='));
        String flagValue = flag.args.substring(flag.args.indexOf('=') + 1);
        Step guard = find(h, "GotoIf", step -> step.args.contains("${" + flagVariable + "}")
                && step.args.contains(flagValue), "GotoIf on ${" + flagVariable + "} in h");
        assertTrue(guard.index < event.index, "the h extension checks the flag before reporting");
        assertTrue(s.stream().anyMatch(step -> step.app.equals("Set") && step.index < reported.index
                        && step.args.startsWith(flagVariable + "=") && !step.args.equals(flag.args)),
                "s must reset " + flagVariable + " before the prompt");
    }

    @Test
    void smsInRaisesSmsIn() {
        Map<String, List<Step>> context = dialplan.contexts.get(DialplanContract.SMS_IN_CONTEXT);
        assertNotNull(context);
        List<Step> all = context.values().stream().flatMap(List::stream).toList();
        Step event = find(all, "UserEvent", step -> step.arg(0).equals(DialplanContract.SMS_IN_EVENT),
                "UserEvent(SmsIn,...)");
        assertEquals("${MESSAGE(from)}", event.fields().get("From"));
        assertEquals("${MESSAGE(body)}", event.fields().get("Body"));
        assertTrue(context.keySet().stream().anyMatch(ext -> Dialplan.matches(ext, "95555")
                        && Dialplan.matches(ext, "TD") && Dialplan.matches(ext, "+8613800000000")),
                "the SMS context must take messages to any user (catch-all extension)");
    }

    // ---------------------------------------------------------------------------------------------
    // Modules, AMI, PJSIP, queue
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyApplicationHasItsModuleConfiguration() {
        AsteriskConfigFile modules = AsteriskConfigFile.read(TELEPHONY.resolve("modules.conf"));
        Set<String> noload = modules.section("modules").values("noload").stream().collect(Collectors.toSet());
        assertEquals("yes", modules.section("modules").value("autoload"));
        Set<String> used = dialplan.allSteps().map(step -> step.app).collect(Collectors.toCollection(TreeSet::new));
        for (String app : used) {
            List<String> files = APP_CONFIG.get(app);
            assertNotNull(files, "application " + app + " is not known to this test: add it to APP_CONFIG with"
                    + " the configuration file its module needs");
            for (String file : files) {
                assertTrue(Files.isRegularFile(TELEPHONY.resolve(file)), app + " needs telephony/" + file);
            }
            String module = APP_MODULE.get(app);
            assertFalse(module != null && noload.contains(module), "modules.conf must not noload " + module);
        }
        assertTrue(Files.isRegularFile(TELEPHONY.resolve("cdr_manager.conf")), "Cdr events need cdr_manager.conf");
        assertEquals("yes", AsteriskConfigFile.read(TELEPHONY.resolve("cdr_manager.conf")).section("general").value("enabled"),
                "cdr_manager.conf enabled = yes, or no Cdr event reaches AMI");
        assertFalse(noload.contains("cdr_manager.so") || noload.contains("chan_pjsip.so"));
    }

    @Test
    void theAmiUserMayDoWhatTheServiceDoes() {
        AsteriskConfigFile manager = AsteriskConfigFile.read(TELEPHONY.resolve("manager.conf"));
        assertEquals("yes", manager.section("general").value("enabled"));
        assertEquals("5038", manager.section("general").value("port"));
        AsteriskConfigFile.Section user = manager.section("callcenter");
        assertTrue(user.values("secret").isEmpty(), "no AMI secret in the repository");
        assertEquals(List.of(AMI_SECRET_FILE), user.includes, "the AMI user's secret comes from " + AMI_SECRET_FILE);
        Set<String> write = classes(user.value("write"));
        Set<String> read = classes(user.value("read"));
        for (String needed : List.of("originate", "message", "agent", "call", "system")) {
            assertTrue(write.contains(needed), "write needs " + needed + ": " + write);
        }
        for (String needed : List.of("system", "call", "agent", "user", "cdr", "dialplan", "reporting")) {
            assertTrue(read.contains(needed), "read needs " + needed + ": " + read);
        }
        assertFalse(user.values("permit").isEmpty(), "permit the service's network");
        assertTrue(user.values("deny").contains("0.0.0.0/0.0.0.0"), "deny everything else");
    }

    @Test
    void pjsipHasTheTrunkTheSmsEndpointAndTheRmPhones() {
        AsteriskConfigFile pjsip = AsteriskConfigFile.read(TELEPHONY.resolve("pjsip.conf"));
        AsteriskConfigFile.Section carrier = pjsip.object("carrier", "endpoint");
        assertTrue(classes(carrier.value("allow")).containsAll(Set.of("alaw", "ulaw")), "carrier codecs alaw,ulaw");
        assertEquals("all", carrier.value("disallow"));
        assertNotNull(pjsip.object(carrier.value("aors"), "aor"), "carrier aor");
        assertNotNull(pjsip.object(carrier.value("outbound_auth"), "auth"), "carrier auth");
        assertEquals("carrier", pjsip.object("carrier", "identify").value("endpoint"));
        AsteriskConfigFile.Section sms = pjsip.object("carrier-sms", "endpoint");
        assertEquals(DialplanContract.SMS_IN_CONTEXT, sms.value("message_context"));
        // the endpoints' contexts exist in the dialplan
        for (AsteriskConfigFile.Section endpoint : pjsip.objects("endpoint")) {
            assertTrue(dialplan.contexts.containsKey(endpoint.value("context")),
                    "endpoint " + endpoint.name + " lands in a context missing from extensions.conf: " + endpoint.value("context"));
        }
        for (int extension = 9101; extension <= 9110; extension++) {
            String name = String.valueOf(extension);
            AsteriskConfigFile.Section phone = pjsip.object(name, "endpoint");
            assertEquals(name, phone.value("auth"));
            assertEquals(name, phone.value("aors"));
            assertEquals(name, pjsip.object(name, "auth").value("username"));
            assertEquals("1", pjsip.object(name, "aor").value("max_contacts"), name + " max_contacts = 1");
        }
    }

    @Test
    void theTeamQueueExists() {
        AsteriskConfigFile queues = AsteriskConfigFile.read(TELEPHONY.resolve("queues.conf"));
        AsteriskConfigFile.Section team = queues.section(TEAM_QUEUE_NAME);
        assertTrue(Set.of("rrmemory", "leastrecent").contains(team.value("strategy")), "strategy rrmemory/leastrecent");
        assertEquals("no", team.value("ringinuse"));
        assertFalse(team.value("joinempty").isBlank() || team.value("joinempty").equals("yes"),
                "joinempty: do not queue a customer when no RM can answer");
        assertTrue(AsteriskConfigFile.read(TELEPHONY.resolve("musiconhold.conf")).has(team.value("musicclass")),
                "the queue's music class is in musiconhold.conf");
    }

    // ---------------------------------------------------------------------------------------------
    // Prompts
    // ---------------------------------------------------------------------------------------------

    @Test
    void everyPromptExistsInEveryLanguageAsAn8kHzMonoWav() throws IOException {
        Set<String> prompts = new TreeSet<>();
        Matcher m = Pattern.compile("custom/[A-Za-z0-9_-]+").matcher(Files.readString(TELEPHONY.resolve("extensions.conf")));
        while (m.find()) {
            prompts.add(m.group());
        }
        prompts.add(ROBOT_PROMPT);
        assertTrue(prompts.containsAll(Set.of("custom/sms-sent", "custom/optout-ok", "custom/goodbye")), prompts.toString());
        Set<String> languages = languages();
        assertTrue(languages.containsAll(REQUIRED_LANGUAGES), "languages in telephony/sounds: " + languages);
        for (String language : languages) {
            for (String prompt : prompts) {
                Path wav = SOUNDS.resolve(language).resolve(prompt + ".wav");
                assertTrue(Files.isRegularFile(wav), "missing " + wav);
                WavFile.read(wav); // checks the format
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The carrier-less test customer
    // ---------------------------------------------------------------------------------------------

    @Test
    void theTestCustomerBehavesLikeTheSimulatedPbx() throws IOException {
        Map<String, List<Step>> context = dialplan.contexts.get(DialplanContract.TEST_CUSTOMER_CONTEXT);
        double promptAndAfter = 0;
        double shortestPrompt = Double.MAX_VALUE;
        Step read = find(dialplan.steps(DialplanContract.ROBOT_CONTEXT, "s"), "Read", step -> true, "Read");
        double readTimeout = Double.parseDouble(read.arg(5));
        for (String language : languages()) {
            double offer = WavFile.read(SOUNDS.resolve(language).resolve(ROBOT_PROMPT + ".wav")).seconds();
            double goodbye = WavFile.read(SOUNDS.resolve(language).resolve("custom/goodbye.wav")).seconds();
            promptAndAfter = Math.max(promptAndAfter, offer + readTimeout + goodbye);
            shortestPrompt = Math.min(shortestPrompt, offer);
        }
        Map<Character, Outcome> seen = new TreeMap<>();
        for (char digit = '0'; digit <= '9'; digit++) {
            String number = "1380000000" + digit;
            String extension = Dialplan.bestMatch(context.keySet(), number)
                    .orElseThrow(() -> new AssertionError("no extension of the test customer matches " + number));
            List<Step> steps = context.get(extension);
            List<Step> path = Dialplan.path(steps, steps.get(0), digit);
            Outcome outcome = classify(path, promptAndAfter, shortestPrompt, number);
            seen.put(digit, outcome);
        }
        assertEquals(new TreeMap<>(LastDigitOutcomeRule.TABLE), seen,
                "the test customer's behaviour per last digit (left: LastDigitOutcomeRule.TABLE)");

        // RM phones played by the dialplan (TELEPHONY_DIAL_AGENT=Local/{extension}@...) answer, whatever the last digit
        for (int rm = 9101; rm <= 9110; rm++) {
            String extension = Dialplan.bestMatch(context.keySet(), String.valueOf(rm)).orElseThrow();
            List<String> apps = context.get(extension).stream().map(step -> step.app).toList();
            assertTrue(apps.contains("Answer") && !apps.contains("Busy") && !apps.contains("Congestion")
                    && !apps.contains("SendDTMF"), "RM phone " + rm + " must simply answer, runs " + apps);
        }
    }

    /** What the customer does along one path of the test-customer extension. */
    private static Outcome classify(List<Step> path, double listenAtLeast, double shortestPrompt, String number) {
        List<String> apps = path.stream().map(step -> step.app).toList();
        if (apps.contains("Busy")) {
            return Outcome.BUSY;
        }
        if (apps.contains("Congestion")) {
            return Outcome.CONGESTION;
        }
        int answer = apps.indexOf("Answer");
        if (answer < 0) {
            assertTrue(apps.contains("Ringing") && apps.contains("Wait"), number + ": neither answers nor rings: " + apps);
            return Outcome.NO_ANSWER;
        }
        List<Step> afterAnswer = path.subList(answer + 1, path.size());
        Optional<Step> dtmf = afterAnswer.stream().filter(step -> step.app.equals("SendDTMF")).findFirst();
        if (dtmf.isPresent()) {
            char digit = dtmf.get().arg(0).charAt(0);
            return Arrays.stream(Outcome.values())
                    .filter(o -> o.digit() != null && o.digit() == digit).findFirst()
                    .orElseThrow(() -> new AssertionError(number + ": presses " + digit + ", no such outcome"));
        }
        double listens = afterAnswer.stream().filter(step -> step.app.equals("Wait"))
                .mapToDouble(step -> Double.parseDouble(step.arg(0))).sum();
        if (listens < shortestPrompt) {
            return Outcome.NO_INPUT;
        }
        assertTrue(listens > listenAtLeast + 1, number + ": answers but listens only " + listens
                + " s; the prompt, Read's timeout and goodbye take up to " + listenAtLeast + " s");
        return Outcome.ANSWER;
    }

    // ---------------------------------------------------------------------------------------------
    // docker-compose
    // ---------------------------------------------------------------------------------------------

    @Test
    void dockerComposeMountsEveryFile() throws IOException {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        try (Stream<Path> files = Files.list(TELEPHONY)) {
            for (Path conf : files.filter(p -> p.toString().endsWith(".conf")).toList()) {
                String name = conf.getFileName().toString();
                assertTrue(compose.contains("./telephony/" + name + ":/etc/asterisk/" + name + ":ro"),
                        "docker-compose.yml must mount telephony/" + name + " read-only at /etc/asterisk/" + name);
            }
        }
        for (String language : languages()) {
            assertTrue(compose.contains("./telephony/sounds/" + language + "/custom:/var/lib/asterisk/sounds/"
                    + language + "/custom:ro"), "docker-compose.yml must mount the " + language + " prompts");
        }
        assertTrue(compose.contains("target: /etc/asterisk/" + AMI_SECRET_FILE),
                "docker-compose.yml must provide " + AMI_SECRET_FILE + " (the AMI secret) to Asterisk");
        assertTrue(compose.contains("secret = ${AMI_SECRET:?"), "the AMI secret comes from AMI_SECRET, no default");
        assertTrue(compose.contains("ami://callcenter:${AMI_SECRET:?set AMI_SECRET in .env}@asterisk:5038"),
                "TELEPHONY_AMI_SERVERS must log in as manager.conf's user with the same secret");
    }

    @Test
    void dockerComposePublishesOnlyHttpSipAndRtpAndTakesEverySecretFromTheEnvironment() throws IOException {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        List<String> published = Pattern.compile("^\\s+- \"(\\d[^\"]*)\"", Pattern.MULTILINE).matcher(compose)
                .results().map(m -> m.group(1)).toList();
        AsteriskConfigFile rtp = AsteriskConfigFile.read(TELEPHONY.resolve("rtp.conf"));
        String rtpRange = rtp.section("general").value("rtpstart") + "-" + rtp.section("general").value("rtpend");
        assertEquals(List.of("5060:5060/udp", rtpRange + ":" + rtpRange + "/udp", "8080:8080"), published,
                "only SIP, RTP (rtp.conf's range) and the service's HTTP port are published");
        for (String secret : List.of("POSTGRES_PASSWORD", "AMI_SECRET", "CALLCENTER_SESSION_KEY",
                "CALLCENTER_SECURITY_ADMIN_PASSWORD")) {
            List<String> uses = Pattern.compile("\\$\\{" + secret + "([^}]*)}").matcher(compose).results()
                    .map(m -> m.group(1)).toList();
            assertFalse(uses.isEmpty(), secret + " is used");
            uses.forEach(use -> assertTrue(use.startsWith(":?"), secret + " has no default: ${" + secret + use + "}"));
        }
        String subnet = Pattern.compile("- subnet: (\\S+)").matcher(compose).results().map(m -> m.group(1))
                .findFirst().orElseThrow();
        AsteriskConfigFile.Section user = AsteriskConfigFile.read(TELEPHONY.resolve("manager.conf")).section("callcenter");
        assertEquals(List.of(asPermit(subnet)), user.values("permit"), "AMI logins only from the compose network");
    }

    /** 172.30.58.0/24 → 172.30.58.0/255.255.255.0, as manager.conf writes it. */
    private static String asPermit(String cidr) {
        int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
        return cidr.substring(0, cidr.indexOf('/')) + "/" + (mask >> 24 & 255) + "." + (mask >> 16 & 255) + "."
                + (mask >> 8 & 255) + "." + (mask & 255);
    }

    // ---------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------

    private boolean isRobotChoiceEvent(Step step) {
        Map<String, String> fields = step.fields();
        return step.arg(0).equals(DialplanContract.ROBOT_CHOICE_EVENT)
                && ("${" + DialplanContract.CALL_ID + "}").equals(fields.get("CallId"))
                && fields.containsKey("Choice");
    }

    private static int lastBranchIndex(List<Step> steps, Pattern branch) {
        int last = -1;
        for (Step step : steps) {
            if (step.app.equals("GotoIf") && branch.matcher(step.args).matches()) {
                last = step.index;
            }
        }
        return last;
    }

    private static Step find(List<Step> steps, String app, java.util.function.Predicate<Step> test, String what) {
        return steps.stream().filter(step -> step.app.equals(app) && test.test(step)).findFirst()
                .orElseThrow(() -> new AssertionError("missing " + what + " in " + steps));
    }

    private static Set<String> classes(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static Set<String> languages() throws IOException {
        try (Stream<Path> dirs = Files.list(SOUNDS)) {
            return dirs.filter(dir -> Files.isDirectory(dir.resolve("custom")))
                    .map(dir -> dir.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The String constants of {@link DialplanContract} whose field name passes the filter. */
    private static List<String> constants(java.util.function.Predicate<String> fieldName) {
        List<String> values = new ArrayList<>();
        for (Field field : DialplanContract.class.getDeclaredFields()) {
            int mod = field.getModifiers();
            if (Modifier.isStatic(mod) && Modifier.isFinal(mod) && field.getType() == String.class
                    && fieldName.test(field.getName())) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
