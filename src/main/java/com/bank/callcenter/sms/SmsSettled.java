package com.bank.callcenter.sms;

import java.time.Instant;
import java.util.UUID;

/**
 * The PBX's answer about an SMS was recorded (state SENT or FAILED), fired after the commit on the
 * thread that received the answer: observers hand longer work to a thread of their own. staffId is
 * null for campaign and robot SMS.
 */
public record SmsSettled(UUID smsId, String staffId, String customerId, Instant createdAt, String state) {
}
