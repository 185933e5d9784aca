package com.bank.callcenter.contacts;

import java.time.Instant;

/** A customer's request not to be contacted until {@code holdUntil}, as it goes to do_not_call. */
public record OptOut(String mobile, DoNotCall.Source source, String reason, Instant at, Instant holdUntil) {

    public OptOut {
        reason = reason == null ? "" : reason.replaceAll("[\\t\\r\\n]", " ");
    }

    /** One line of the local spool file: tab-separated, the reason last. */
    String toLine() {
        return String.join("\t", mobile, source.name(), Long.toString(at.toEpochMilli()),
                Long.toString(holdUntil.toEpochMilli()), reason);
    }

    static OptOut fromLine(String line) {
        String[] f = line.split("\t", 5);
        return new OptOut(f[0], DoNotCall.Source.valueOf(f[1]), f.length > 4 ? f[4] : "",
                Instant.ofEpochMilli(Long.parseLong(f[2])), Instant.ofEpochMilli(Long.parseLong(f[3])));
    }
}
