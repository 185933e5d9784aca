package com.bank.callcenter.funnels;

import java.time.LocalDate;
import java.util.Map;

/**
 * A campaign's funnel over a window of days (both ends inclusive, in the bank's zone; null = open).
 *
 * @param listed    entries of the campaign's target lists whose as-of date is in the window
 * @param attempted distinct customers with a call or SMS of the campaign in the window that reached the
 *                  customer's network (the contact attempt is {@code sent}; attempts the PBX refused or
 *                  that never left are not counted)
 * @param reached   distinct customers among them with an answered call (state ANSWERED or COMPLETED)
 *                  or an SMS the gateway accepted (state SENT)
 * @param outcomes  counts of calls and SMS of the window by what became of them: {@code robot.pressed1},
 *                  {@code robot.pressed2}, {@code robot.pressed9}, {@code robot.noInput} (answered robot
 *                  calls by menu choice), {@code call.<CallOutcome>} (every ended call),
 *                  {@code disposition.<Disposition>} (what the RM recorded), {@code sms.<state>}
 *                  (SENT, FAILED, QUEUED, UNKNOWN); sorted by key, absent keys are zero
 */
public record CampaignFunnel(String campaignId, LocalDate from, LocalDate to, long listed, long attempted,
                             long reached, Map<String, Long> outcomes) {
}
