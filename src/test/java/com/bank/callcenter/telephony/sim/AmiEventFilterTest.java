package com.bank.callcenter.telephony.sim;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The filter reads eventfilter lines as Asterisk 22's main/manager.c does: the cases of its own
 * {@code parsing_filter_tests} (a Newchannel with Channel XXX and a VarSet with Channel ABC, each with
 * Someheader), and how include and exclude filters combine.
 */
class AmiEventFilterTest {

    private static final AmiEvent NEWCHANNEL = AmiEvent.of(EventClass.CALL,
            AmiMessage.event("Newchannel", EventClass.CALL).add("Channel", "XXX").add("Someheader", "YYY"));
    private static final AmiEvent VARSET = AmiEvent.of(EventClass.DIALPLAN,
            AmiMessage.event("VarSet", EventClass.DIALPLAN).add("Channel", "ABC").add("Someheader", "XXX"));

    @Test
    void asterisksOwnCases() {
        assertSent(true, NEWCHANNEL, "eventfilter", "XXX");
        assertSent(false, VARSET, "eventfilter", "!XXX");
        assertSent(true, VARSET, "eventfilter(name(VarSet),method(none))", "");
        assertSent(true, NEWCHANNEL, "eventfilter(name(Newchannel),method(regex))", "X[XYZ]X");
        assertSent(false, NEWCHANNEL, "eventfilter(name(Newchannel),method(regex))", "X[abc]X");
        assertSent(false, NEWCHANNEL, "eventfilter(action(exclude),name(Newchannel),method(regex))", "X[XYZ]X");
        assertSent(true, NEWCHANNEL, "eventfilter(action(exclude),name(Newchannel),method(regex))", "X[abc]X");
        assertSent(true, VARSET, "eventfilter(action(include),name(VarSet),header(Channel),method(starts_with))", "AB");
        assertSent(true, VARSET, "eventfilter(action(include),name(VarSet),header(Channel),method(ends_with))", "BC");
        assertSent(true, VARSET, "eventfilter(action(include),name(VarSet),header(Channel),method(exact))", "ABC");
        assertSent(false, VARSET, "eventfilter(action(include),name(VarSet),header(Channel),method(exact))", "XXX");
        assertSent(true, VARSET, "eventfilter(name(VarSet),header(Channel),method(exact))", "!ZZZ");
        assertSent(true, VARSET, "eventfilter(action(exclude),name(VarSet),header(Channel),method(exact))", "ZZZ");
        // action(include) wins over a leading '!', which is dropped
        assertSent(true, VARSET, "eventfilter(action(include),name(VarSet),header(Someheader),method(exact))", "!XXX");
    }

    @Test
    void asterisksOwnMalformedFiltersAreRefused() {
        for (String[] bad : List.of(new String[] {"eventfilter(action(include)", ""},
                new String[] {"eventfilter(action(inlude))", ""}, new String[] {"eventfilter(nnnn(yyy))", "XXX"},
                new String[] {"eventfilter(name(VarSet),method(exact))", ""},
                new String[] {"eventfilter(name(VarSet),method(none))", "XXX"},
                new String[] {"eventfilter", ""}, new String[] {"eventfilter(action(exclude))", ""})) {
            assertThrows(IllegalArgumentException.class, () -> AmiEventFilter.of(List.<String[]>of(bad)), bad[0]);
        }
    }

    @Test
    void withIncludeAndExcludeFiltersAnEventMustMatchAnIncludeAndNoExclude() {
        AmiEventFilter filter = AmiEventFilter.of(List.of(new String[] {"eventfilter(action(include),header(Channel),method(starts_with))", "A"},
                new String[] {"eventfilter(action(include),name(Newchannel))", ""},
                new String[] {"eventfilter(action(exclude),header(Someheader),method(exact))", "YYY"}));
        assertEquals(true, filter.allows(VARSET), "include by Channel, no exclude");
        assertEquals(false, filter.allows(NEWCHANNEL), "included by name, excluded by Someheader");
        assertEquals(true, AmiEventFilter.NONE.allows(NEWCHANNEL));
    }

    @Test
    void headerFiltersLookOnlyAtThatHeadersValue() {
        AmiEvent varSet = AmiEvent.of(EventClass.DIALPLAN, AmiMessage.event("VarSet", EventClass.DIALPLAN)
                .add("Channel", "CALL_ID-1").add("Variable", "PROMPT").add("Value", "CALL_ID"));
        assertSent(true, varSet, "eventfilter(action(exclude),name(VarSet),header(Variable),method(exact))", "CALL_ID");
        assertSent(false, varSet, "eventfilter(action(exclude),name(VarSet),header(Variable:),method(regex))", "^P");
        assertSent(true, varSet, "eventfilter(action(exclude),name(Varset),header(Variable),method(exact))", "PROMPT");
    }

    @Test
    void theFiltersOfOneUsersSectionOfManagerConf() {
        String conf = """
                [general]
                enabled = yes
                eventfilter(action(exclude),name(VarSet)) =
                [callcenter]
                read = all ; comment
                eventfilter(action(exclude),name(Newchannel)) =   ; not for this user: Newchannel
                eventfilter = !Channel: A\\;B
                [other]
                eventfilter(action(exclude),name(Hangup)) =
                """;
        AmiEventFilter filter = AmiEventFilter.ofManagerConf(conf, "callcenter");
        assertEquals(false, filter.allows(NEWCHANNEL));
        assertEquals(true, filter.allows(VARSET));
        assertEquals(false, filter.allows(AmiEvent.of(EventClass.CALL,
                AmiMessage.event("Hangup", EventClass.CALL).add("Channel", "A;B"))));
    }

    private static void assertSent(boolean sent, AmiEvent event, String criteria, String pattern) {
        assertEquals(sent, AmiEventFilter.of(List.<String[]>of(new String[] {criteria, pattern})).allows(event),
                criteria + " = " + pattern + " on " + event.name());
    }
}
