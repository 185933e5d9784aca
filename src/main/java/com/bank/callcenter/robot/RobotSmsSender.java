package com.bank.callcenter.robot;

import java.time.Instant;
import java.util.UUID;

/**
 * Press 2 at the robot menu: send the campaign's SMS to the customer. The default
 * ({@link RobotSmsRequests}) records the request and sends it through the SMS service.
 */
public interface RobotSmsSender {

    /** Called once per robot call whose customer pressed 2, on the PBX event thread: must not block long. */
    void send(Request request);

    /** What the SMS is for: the robot call, the customer and number, the campaign and its template (may be null). */
    record Request(UUID callId, String customerId, String mobile, String campaignId, String template, Instant at) {
    }
}
