package com.bank.callcenter.sms;

import java.time.Instant;
import java.util.UUID;

/** An SMS as its sender or a supervisor sees it: the text as sent, never the number. */
public record SmsView(UUID smsId, String customerId, String templateId, String state, String gatewayStatus,
                      String text, Instant createdAt, Instant sentAt) {
}
