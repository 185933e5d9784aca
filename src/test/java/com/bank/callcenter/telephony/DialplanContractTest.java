package com.bank.callcenter.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bank.callcenter.telephony.sim.LastDigitOutcomeRule;
import com.bank.callcenter.telephony.sim.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * behaves like the simulated PBX ({@link LastDigitOutcomeRule#TABLE}). No Asterisk is needed: a small
 * reader for Asterisk's INI format and dialplan lines is part of the test.
 */
class DialplanContractTest {

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
        dialplan = Dialplan.parse(Ini.read(TELEPHONY.resolve("extensions.conf")));
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
                && !name.equals("START_EXTENSION"));
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
                    onChoice.put(m.group(1), labelled(s, m.group(2)));
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
        Ini modules = Ini.read(TELEPHONY.resolve("modules.conf"));
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
        assertEquals("yes", Ini.read(TELEPHONY.resolve("cdr_manager.conf")).section("general").value("enabled"),
                "cdr_manager.conf enabled = yes, or no Cdr event reaches AMI");
        assertFalse(noload.contains("cdr_manager.so") || noload.contains("chan_pjsip.so"));
    }

    @Test
    void theAmiUserMayDoWhatTheServiceDoes() {
        Ini manager = Ini.read(TELEPHONY.resolve("manager.conf"));
        assertEquals("yes", manager.section("general").value("enabled"));
        assertEquals("5038", manager.section("general").value("port"));
        Ini.Section user = manager.section("callcenter");
        assertFalse(user.value("secret").isBlank(), "the AMI user needs a secret");
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
    void managerConfDropsExactlyTheEventsTheSimulatorLeavesOut() {
        Ini.Section user = Ini.read(TELEPHONY.resolve("manager.conf")).section("callcenter");
        Set<String> dropped = new java.util.TreeSet<>();
        for (String filter : user.values("eventfilter")) {
            assertTrue(filter.matches("!Event: [A-Za-z]+"), "a blacklist of one event name: " + filter);
            dropped.add(filter.substring("!Event: ".length()));
        }
        assertEquals(new java.util.TreeSet<>(DialplanContract.EVENTS_NOT_READ), dropped);
    }

    @Test
    void pjsipHasTheTrunkTheSmsEndpointAndTheRmPhones() {
        Ini pjsip = Ini.read(TELEPHONY.resolve("pjsip.conf"));
        Ini.Section carrier = pjsip.object("carrier", "endpoint");
        assertTrue(classes(carrier.value("allow")).containsAll(Set.of("alaw", "ulaw")), "carrier codecs alaw,ulaw");
        assertEquals("all", carrier.value("disallow"));
        assertNotNull(pjsip.object(carrier.value("aors"), "aor"), "carrier aor");
        assertNotNull(pjsip.object(carrier.value("outbound_auth"), "auth"), "carrier auth");
        assertEquals("carrier", pjsip.object("carrier", "identify").value("endpoint"));
        Ini.Section sms = pjsip.object("carrier-sms", "endpoint");
        assertEquals(DialplanContract.SMS_IN_CONTEXT, sms.value("message_context"));
        // the endpoints' contexts exist in the dialplan
        for (Ini.Section endpoint : pjsip.objects("endpoint")) {
            assertTrue(dialplan.contexts.containsKey(endpoint.value("context")),
                    "endpoint " + endpoint.name + " lands in a context missing from extensions.conf: " + endpoint.value("context"));
        }
        for (int extension = 9101; extension <= 9110; extension++) {
            String name = String.valueOf(extension);
            Ini.Section phone = pjsip.object(name, "endpoint");
            assertEquals(name, phone.value("auth"));
            assertEquals(name, phone.value("aors"));
            assertEquals(name, pjsip.object(name, "auth").value("username"));
            assertEquals("1", pjsip.object(name, "aor").value("max_contacts"), name + " max_contacts = 1");
        }
    }

    @Test
    void theTeamQueueExists() {
        Ini queues = Ini.read(TELEPHONY.resolve("queues.conf"));
        Ini.Section team = queues.section(TEAM_QUEUE_NAME);
        assertTrue(Set.of("rrmemory", "leastrecent").contains(team.value("strategy")), "strategy rrmemory/leastrecent");
        assertEquals("no", team.value("ringinuse"));
        assertFalse(team.value("joinempty").isBlank() || team.value("joinempty").equals("yes"),
                "joinempty: do not queue a customer when no RM can answer");
        assertTrue(Ini.read(TELEPHONY.resolve("musiconhold.conf")).has(team.value("musicclass")),
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
                Wav.read(wav); // checks the format
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
            double offer = Wav.read(SOUNDS.resolve(language).resolve(ROBOT_PROMPT + ".wav")).seconds;
            double goodbye = Wav.read(SOUNDS.resolve(language).resolve("custom/goodbye.wav")).seconds;
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
        Ini.Section user = Ini.read(TELEPHONY.resolve("manager.conf")).section("callcenter");
        assertTrue(compose.contains("ami://callcenter:" + user.value("secret") + "@asterisk:" + "5038"),
                "TELEPHONY_AMI_SERVERS must use the AMI user of manager.conf");
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

    private static Step labelled(List<Step> steps, String label) {
        return steps.stream().filter(step -> label.equals(step.label)).findFirst()
                .orElseThrow(() -> new AssertionError("no priority labelled " + label));
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

    // ---------------------------------------------------------------------------------------------
    // Asterisk's configuration format: [section](options), key = value / key => value, ; comments
    // ---------------------------------------------------------------------------------------------

    record Entry(String key, String value, int line) {
    }

    static final class Ini {
        final List<Section> sections = new ArrayList<>();

        static final class Section {
            final String name;
            final boolean template;
            final List<String> inherits;
            final List<Entry> entries = new ArrayList<>();

            Section(String name, boolean template, List<String> inherits) {
                this.name = name;
                this.template = template;
                this.inherits = inherits;
            }

            List<String> values(String key) {
                return entries.stream().filter(e -> e.key.equalsIgnoreCase(key)).map(Entry::value).toList();
            }

            String value(String key) {
                List<String> values = values(key);
                if (values.isEmpty()) {
                    throw new AssertionError("[" + name + "] has no " + key);
                }
                return values.get(values.size() - 1);
            }
        }

        static Ini read(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            Ini ini = new Ini();
            Map<String, Section> templates = new LinkedHashMap<>();
            Section current = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = stripComment(lines.get(i)).trim();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("[")) {
                    int close = line.indexOf(']');
                    String name = line.substring(1, close).trim();
                    String options = line.substring(close + 1).trim();
                    boolean template = false;
                    List<String> inherits = new ArrayList<>();
                    if (options.startsWith("(") && options.endsWith(")")) {
                        for (String option : options.substring(1, options.length() - 1).split(",")) {
                            option = option.trim();
                            if (option.equals("!")) {
                                template = true;
                            } else if (!option.isEmpty() && !option.equals("+")) {
                                inherits.add(option);
                            }
                        }
                    }
                    current = new Section(name, template, inherits);
                    for (String parent : inherits) {
                        Section base = templates.get(parent);
                        if (base == null) {
                            throw new AssertionError(file + ":" + (i + 1) + ": unknown template " + parent);
                        }
                        current.entries.addAll(base.entries);
                    }
                    if (template) {
                        templates.put(name, current);
                    }
                    ini.sections.add(current);
                    continue;
                }
                if (current == null) {
                    throw new AssertionError(file + ":" + (i + 1) + ": setting outside a section: " + line);
                }
                int arrow = line.indexOf("=>");
                int equals = line.indexOf('=');
                int at = arrow >= 0 && arrow <= equals ? arrow : equals;
                if (at < 0) {
                    throw new AssertionError(file + ":" + (i + 1) + ": not a setting: " + line);
                }
                int valueStart = at == arrow ? arrow + 2 : equals + 1;
                current.entries.add(new Entry(line.substring(0, at).trim(), line.substring(valueStart).trim(), i + 1));
            }
            return ini;
        }

        static String stripComment(String line) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                    out.append(';');
                    i++;
                } else if (c == ';') {
                    break;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        boolean has(String name) {
            return sections.stream().anyMatch(s -> !s.template && s.name.equals(name));
        }

        /** The last non-template section of that name (Asterisk merges none: [general] is unique here). */
        Section section(String name) {
            return sections.stream().filter(s -> !s.template && s.name.equals(name)).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no section [" + name + "]"));
        }

        /** A PJSIP object: the section of that name whose type is the given one. */
        Section object(String name, String type) {
            return sections.stream().filter(s -> !s.template && s.name.equals(name)
                            && s.values("type").contains(type)).findFirst()
                    .orElseThrow(() -> new AssertionError("no [" + name + "] with type = " + type));
        }

        List<Section> objects(String type) {
            return sections.stream().filter(s -> !s.template && s.values("type").contains(type)).toList();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The dialplan: exten => ext,priority[(label)],App(args) and same => n[(label)],App(args)
    // ---------------------------------------------------------------------------------------------

    static final class Step {
        final String context;
        final String exten;
        final int priority;
        final int index;
        final String label;
        final String app;
        final String args;
        final int line;

        Step(String context, String exten, int priority, int index, String label, String app, String args, int line) {
            this.context = context;
            this.exten = exten;
            this.priority = priority;
            this.index = index;
            this.label = label;
            this.app = app;
            this.args = args;
            this.line = line;
        }

        /** The n-th comma-separated argument (commas inside parentheses and ${} do not separate). */
        String arg(int n) {
            List<String> all = splitArgs(args);
            return n < all.size() ? all.get(n).trim() : "";
        }

        /** UserEvent fields "Key: value" after the event name. */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            List<String> all = splitArgs(args);
            for (String field : all.subList(Math.min(1, all.size()), all.size())) {
                int colon = field.indexOf(':');
                if (colon > 0) {
                    fields.put(field.substring(0, colon).trim(), field.substring(colon + 1).trim());
                }
            }
            return fields;
        }

        static List<String> splitArgs(String args) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            StringBuilder current = new StringBuilder();
            for (char c : args.toCharArray()) {
                if (c == '(' || c == '{' || c == '[') {
                    depth++;
                } else if (c == ')' || c == '}' || c == ']') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    out.add(current.toString());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            out.add(current.toString());
            return out;
        }

        @Override
        public String toString() {
            return exten + "," + priority + (label == null ? "" : "(" + label + ")") + "," + app + "(" + args + ")";
        }
    }

    static final class Dialplan {
        /** context → extension → steps in priority order. */
        final Map<String, Map<String, List<Step>>> contexts = new LinkedHashMap<>();

        static final Pattern PRIORITY = Pattern.compile("(\\d+|n)(?:\\((\\w+)\\))?");

        static Dialplan parse(Ini ini) {
            Dialplan plan = new Dialplan();
            for (Ini.Section section : ini.sections) {
                if (section.name.equals("general") || section.name.equals("globals")) {
                    continue;
                }
                Map<String, List<Step>> extensions = plan.contexts.computeIfAbsent(section.name, k -> new LinkedHashMap<>());
                String exten = null;
                for (Entry entry : section.entries) {
                    String rest = entry.value;
                    if (entry.key.equals("exten")) {
                        int comma = rest.indexOf(',');
                        exten = rest.substring(0, comma).trim();
                        rest = rest.substring(comma + 1);
                    } else if (entry.key.equals("same")) {
                        if (exten == null) {
                            throw new AssertionError("line " + entry.line + ": same => before any exten =>");
                        }
                    } else {
                        continue; // include =>, switch =>, ... not used here
                    }
                    int comma = rest.indexOf(',');
                    Matcher priority = PRIORITY.matcher(rest.substring(0, comma).trim());
                    if (!priority.matches()) {
                        throw new AssertionError("line " + entry.line + ": bad priority " + rest.substring(0, comma));
                    }
                    List<Step> steps = extensions.computeIfAbsent(exten, k -> new ArrayList<>());
                    int number = priority.group(1).equals("n")
                            ? (steps.isEmpty() ? failNoFirst(entry) : steps.get(steps.size() - 1).priority + 1)
                            : Integer.parseInt(priority.group(1));
                    String call = rest.substring(comma + 1).trim();
                    int open = call.indexOf('(');
                    String app = open < 0 ? call : call.substring(0, open).trim();
                    String args = open < 0 ? "" : call.substring(open + 1, call.lastIndexOf(')'));
                    steps.add(new Step(section.name, exten, number, steps.size(), priority.group(2), app, args, entry.line));
                }
            }
            return plan;
        }

        private static int failNoFirst(Entry entry) {
            throw new AssertionError("line " + entry.line + ": priority n without a priority 1");
        }

        List<Step> steps(String context, String exten) {
            Map<String, List<Step>> extensions = contexts.get(context);
            assertNotNull(extensions, "no context [" + context + "]");
            return extensions.getOrDefault(exten, List.of());
        }

        Stream<Step> allSteps() {
            return contexts.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream);
        }

        /**
         * The steps run from {@code start} for a number ending in {@code digit}: Goto(label) within the
         * extension is followed (${EXTEN:-1} is the last digit), until Hangup, Busy or Congestion.
         */
        static List<Step> path(List<Step> steps, Step start, char digit) {
            List<Step> path = new ArrayList<>();
            int i = start.index;
            while (i < steps.size() && path.size() < 100) {
                Step step = steps.get(i);
                if (step.app.equals("Goto") && !step.args.contains(",")) {
                    String label = step.args.replace("${EXTEN:-1}", String.valueOf(digit));
                    i = labelled(steps, label).index;
                    continue;
                }
                path.add(step);
                if (Set.of("Hangup", "Busy", "Congestion").contains(step.app)) {
                    break;
                }
                i++;
            }
            return path;
        }

        /** Asterisk pattern match: _ then X [0-9], Z [1-9], N [2-9], [..] classes, . (1+ any), ! (0+ any). */
        static boolean matches(String extension, String number) {
            if (!extension.startsWith("_")) {
                return extension.equals(number);
            }
            return Pattern.compile(toRegex(extension.substring(1))).matcher(number).matches();
        }

        static String toRegex(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                switch (Character.toUpperCase(c)) {
                    case 'X' -> regex.append("[0-9]");
                    case 'Z' -> regex.append("[1-9]");
                    case 'N' -> regex.append("[2-9]");
                    case '.' -> regex.append(".+");
                    case '!' -> regex.append(".*");
                    case '[' -> {
                        int close = pattern.indexOf(']', i);
                        regex.append('[').append(pattern, i + 1, close).append(']');
                        i = close;
                    }
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }

        /** How many characters a pattern position admits (Asterisk prefers the most specific match). */
        static int[] specificity(String extension) {
            if (!extension.startsWith("_")) {
                return extension.chars().map(c -> 1).toArray();
            }
            String pattern = extension.substring(1);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < pattern.length(); i++) {
                char c = Character.toUpperCase(pattern.charAt(i));
                switch (c) {
                    case 'X' -> out.add(10);
                    case 'Z' -> out.add(9);
                    case 'N' -> out.add(8);
                    case '.', '!' -> out.add(1000);
                    case '[' -> {
                        int close = pattern.indexOf(']', i);
                        out.add(close - i - 1);
                        i = close;
                    }
                    default -> out.add(1);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        static Optional<String> bestMatch(Set<String> extensions, String number) {
            return extensions.stream().filter(ext -> matches(ext, number))
                    .min(Comparator.comparing(Dialplan::specificity, Arrays::compare));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // WAV: what Asterisk's format_wav plays without transcoding
    // ---------------------------------------------------------------------------------------------

    record Wav(double seconds) {
        static Wav read(Path file) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals("RIFF", ascii(b, 0), file + " is not RIFF");
            assertEquals("WAVE", ascii(b, 8), file + " is not WAVE");
            int pos = 12;
            Integer dataBytes = null;
            boolean fmt = false;
            while (pos + 8 <= b.limit()) {
                String id = ascii(b, pos);
                int size = b.getInt(pos + 4);
                if (id.equals("fmt ")) {
                    assertEquals(1, b.getShort(pos + 8), file + ": PCM");
                    assertEquals(1, b.getShort(pos + 10), file + ": mono");
                    assertEquals(8000, b.getInt(pos + 12), file + ": 8000 Hz");
                    assertEquals(16, b.getShort(pos + 22), file + ": 16 bit");
                    fmt = true;
                } else if (id.equals("data")) {
                    dataBytes = size;
                }
                pos += 8 + size + (size & 1);
            }
            assertTrue(fmt, file + " has no fmt chunk");
            assertNotNull(dataBytes, file + " has no data chunk");
            assertTrue(dataBytes > 8000, file + " is shorter than half a second");
            return new Wav(dataBytes / 16000.0);
        }

        private static String ascii(ByteBuffer b, int at) {
            byte[] four = new byte[4];
            b.get(at, four);
            return new String(four, StandardCharsets.US_ASCII);
        }
    }
}
