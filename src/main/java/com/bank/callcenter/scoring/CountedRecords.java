package com.bank.callcenter.scoring;

import java.util.List;
import java.util.UUID;

/** The calls (or SMS) behind a count: those counted, and those not counted with the rule that left them out. */
public record CountedRecords(List<UUID> counted, List<NotCounted> notCounted) {

    /** A record left out, and why. */
    public record NotCounted(UUID id, String rule) {
    }
}
