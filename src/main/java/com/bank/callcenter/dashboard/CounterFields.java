package com.bank.callcenter.dashboard;

/** The field names of a day's counters hash: {@code rm:<staffId>:<counter>} and {@code robot:<counter>}. */
final class CounterFields {

    static final String DIALLED = "dialled";
    static final String ANSWERED = "answered";
    static final String TALK_SECONDS = "talkSeconds";
    static final String EFFECTIVE = "effective";
    static final String SMS = "sms";
    static final String PRESSED_1 = "pressed1";
    static final String PRESSED_2 = "pressed2";
    static final String PRESSED_9 = "pressed9";
    static final String NO_INPUT = "noInput";
    static final String ROBOT = "robot";
    private static final String RM_PREFIX = "rm:";
    private static final char HOUR_MARK = '@';

    private CounterFields() {
    }

    static String rm(String staffId, String counter) {
        return RM_PREFIX + staffId + ":" + counter;
    }

    /** An hour's counter of an RM, e.g. {@code rm:rm001:dialled@10}. */
    static String rmHour(String staffId, String counter, int hour) {
        return rm(staffId, counter) + HOUR_MARK + hour;
    }

    static String robot(String counter) {
        return ROBOT + ":" + counter;
    }

    /** A field parsed back: staffId null for robot fields; hour null unless hourly. */
    record Parsed(String staffId, String counter, Integer hour) {

        /** The counter's name in the check's report: {@code dialled}, {@code hourly[10].dialled}. */
        String name() {
            return hour == null ? counter : "hourly[" + hour + "]." + counter;
        }
    }

    static Parsed parse(String field) {
        if (field.startsWith(ROBOT + ":")) {
            return new Parsed(null, field.substring(ROBOT.length() + 1), null);
        }
        if (!field.startsWith(RM_PREFIX)) {
            return null;
        }
        int colon = field.lastIndexOf(':');
        String staffId = field.substring(RM_PREFIX.length(), colon);
        String counter = field.substring(colon + 1);
        int at = counter.indexOf(HOUR_MARK);
        if (at < 0) {
            return new Parsed(staffId, counter, null);
        }
        return new Parsed(staffId, counter.substring(0, at), Integer.parseInt(counter.substring(at + 1)));
    }
}
