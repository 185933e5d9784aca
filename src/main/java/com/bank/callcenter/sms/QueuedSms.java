package com.bank.callcenter.sms;

import java.util.UUID;

/** An SMS recorded (QUEUED) and checked, ready for its one MessageSend: the server, the number, the text as sent. */
public record QueuedSms(UUID smsId, String server, String mobile, String body) {
}
