package com.bank.callcenter.sms;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import com.bank.callcenter.telephony.sim.SimulatedMessage;
import com.bank.callcenter.telephony.sim.SimulatedPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bank.callcenter.sms.SmsCampaigns.allEntriesIn;
import static com.bank.callcenter.sms.SmsCampaigns.entry;
import static com.bank.callcenter.sms.SmsCampaigns.smsCount;
import static com.bank.callcenter.sms.SmsCampaigns.smsOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SMS campaigns sent by SmsCampaignSender through the in-process simulated PBX (AMI MessageSend over TCP). */
@QuarkusTest
class SmsCampaignSenderTest {

    private static final String RETRY_FAILED_ONCE_AFTER_30_MINUTES =
            ",\"contactPolicy\":{\"retries\":{\"FAILED\":{\"afterMinutes\":30,\"maxAttempts\":2}}}";

    @Inject
    SmsCampaignSender sender;

    @Inject
    SmsConfig config;

    @Inject
    TestClock clock;

    @Inject
    SimulatedPbxLauncher launcher;

    private SmsCampaigns campaigns;
    private SimulatedPbx simulator;

    @BeforeEach
    void setUp() {
        clock.reset();
        campaigns = new SmsCampaigns(sender);
        simulator = launcher.simulator().orElseThrow();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachEntryGetsOneSmsWithTheRenderedTemplateSignatureAndTail() {
        String first = campaigns.customer();
        String second = campaigns.customer();
        String campaign = campaigns.campaign(null);
        long listId = SmsCampaigns.buildAndStart(campaign);

        assertEquals(2, sender.tick(List.of(campaign)));
        SmsCampaigns.await("both entries settled", () -> allEntriesIn(campaign, "DONE"));

        for (String customer : List.of(first, second)) {
            List<Map<String, Object>> sms = smsOf(campaign, customer);
            assertEquals(1, sms.size(), "one SMS per entry");
            Map<String, Object> row = sms.get(0);
            String text = campaigns.expectedText(customer);
            assertEquals(text, row.get("body"));
            assertEquals("SENT", row.get("state"));
            assertEquals("Message successfully sent", row.get("gateway_status"));
            assertEquals(campaign, row.get("campaign_id"));
            assertTrue(row.get("sent_at") != null, "sent_at is set when Asterisk accepted it");
            UUID smsId = (UUID) row.get("id");
            assertEquals(1, Db.count("select count(*) from contact_attempt where id = ? and customer_id = ?"
                    + " and campaign_id = ? and list_id = ? and channel = 'SMS' and marketing",
                    smsId, customer, campaign, listId), "a marketing contact of the campaign and its list");

            Map<String, Object> entry = entry(campaign, customer);
            assertEquals("DONE", entry.get("state"));
            assertEquals("SENT", entry.get("last_outcome"));
            assertEquals(1, ((Number) entry.get("attempts")).intValue());
            assertEquals(smsId, entry.get("last_sms_id"));

            String mobile = SmsCampaigns.mobileOf(customer);
            List<SimulatedMessage> received = simulator.sentMessages().stream()
                    .filter(m -> m.to() != null && m.to().contains(mobile)).toList();
            assertEquals(1, received.size(), "exactly one MessageSend reached the PBX");
            assertEquals("pjsip:carrier-sms/sip:" + mobile + "@carrier", received.get(0).to());
            assertEquals(text, received.get(0).body());
        }

        assertEquals(0, sender.tick(List.of(campaign)), "a DONE entry is never sent again");
        assertEquals(2, smsCount(campaign));
    }

    @Test
    void doNotCallAndTheFrequencyCapAreCheckedWhenSendingNotOnlyWhenTheListWasBuilt() {
        String allowed = campaigns.customer();
        String optedOut = campaigns.customer();
        String contacted = campaigns.customer();
        String campaign = campaigns.campaign(null);
        long listId = SmsCampaigns.buildList(campaign);
        assertEquals(3, Db.count("select count(*) from list_entry where list_id = ?", listId),
                "all three were on the list when it was built");

        Db.execute("insert into do_not_call (mobile, reason, source) values (?, '退订', 'TEST')",
                SmsCampaigns.mobileOf(optedOut));
        Db.execute("insert into contact_attempt (id, customer_id, channel, marketing, created_at)"
                + " values (?, ?, 'AGENT_CALL', true, ?)", UUID.randomUUID(), contacted,
                Timestamp.from(TestClock.WORKING_HOURS.minus(Duration.ofDays(1))));
        SmsCampaigns.start(campaign);

        assertEquals(1, sender.tick(List.of(campaign)));
        SmsCampaigns.await("the allowed entry settled", () -> "DONE".equals(entry(campaign, allowed).get("state")));

        assertEquals(1, smsOf(campaign, allowed).size());
        assertEquals(0, smsOf(campaign, optedOut).size());
        assertEquals(0, smsOf(campaign, contacted).size());
        assertEquals("SKIPPED", entry(campaign, optedOut).get("state"));
        assertEquals("do-not-call", entry(campaign, optedOut).get("skip_reason"));
        assertEquals("SKIPPED", entry(campaign, contacted).get("state"));
        assertEquals("frequency-cap", entry(campaign, contacted).get("skip_reason"));
        assertEquals(0, Db.count("select count(*) from contact_attempt where campaign_id = ? and customer_id in (?, ?)",
                campaign, optedOut, contacted));
    }

    @Test
    void outsideTheCallingWindowNothingIsSentAndTheEntriesWait() {
        String customer = campaigns.customer();
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildAndStart(campaign);

        clock.setTo(Instant.parse("2026-11-25T12:30:00Z")); // 20:30 in Shanghai
        assertEquals(0, sender.tick(List.of(campaign)));
        clock.setTo(Instant.parse("2026-11-28T02:00:00Z")); // Saturday 10:00
        assertEquals(0, sender.tick(List.of(campaign)));
        assertEquals(0, smsCount(campaign));
        assertEquals("PENDING", entry(campaign, customer).get("state"));
        assertEquals(0, ((Number) entry(campaign, customer).get("attempts")).intValue());

        clock.reset();
        assertEquals(1, sender.tick(List.of(campaign)), "inside the window again it sends by itself");
        SmsCampaigns.await("the entry settled", () -> allEntriesIn(campaign, "DONE"));
    }

    @Test
    void outsideTheCampaignsOwnScheduleNothingIsSent() {
        campaigns.customer();
        String campaign = campaigns.campaign(",\"schedule\":{\"windowStart\":\"14:00\",\"windowEnd\":\"18:00\"}");
        SmsCampaigns.buildAndStart(campaign);
        assertEquals(0, sender.tick(List.of(campaign)), "10:00 is inside the bank's window, not the campaign's");
        assertEquals(0, smsCount(campaign));
        clock.setTo(Instant.parse("2026-11-25T07:00:00Z")); // 15:00 in Shanghai
        assertEquals(1, sender.tick(List.of(campaign)));
    }

    @Test
    void refusedMessageSendIsFailedAndNotRetriedWithoutARetryPolicy() {
        String customer = campaigns.customer();
        simulator.refuseMessagesTo(SmsCampaigns.mobileOf(customer));
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildAndStart(campaign);

        assertEquals(1, sender.tick(List.of(campaign)));
        SmsCampaigns.await("the entry settled", () -> allEntriesIn(campaign, "DONE"));

        List<Map<String, Object>> sms = smsOf(campaign, customer);
        assertEquals(1, sms.size());
        assertEquals("FAILED", sms.get(0).get("state"));
        assertEquals("Message failed to send.", sms.get(0).get("gateway_status"));
        assertNull(sms.get(0).get("sent_at"));
        assertEquals("FAILED", entry(campaign, customer).get("last_outcome"));
        assertEquals(0, sender.tick(List.of(campaign)));
        assertEquals(1, smsOf(campaign, customer).size(), "no policy, no second SMS");
    }

    @Test
    void refusedMessageSendIsRetriedAsANewSmsWhenThePolicyAllows() {
        String customer = campaigns.customer();
        simulator.refuseMessagesTo(SmsCampaigns.mobileOf(customer));
        String campaign = campaigns.campaign(RETRY_FAILED_ONCE_AFTER_30_MINUTES);
        SmsCampaigns.buildAndStart(campaign);

        assertEquals(1, sender.tick(List.of(campaign)));
        SmsCampaigns.await("the failure settled", () -> "FAILED".equals(entry(campaign, customer).get("last_outcome")));
        Map<String, Object> waiting = entry(campaign, customer);
        assertEquals("PENDING", waiting.get("state"), "the policy allows a second attempt");
        assertEquals(1, ((Number) waiting.get("attempts")).intValue());
        Instant due = instant(waiting.get("next_attempt_at"));
        Instant expected = TestClock.WORKING_HOURS.plus(Duration.ofMinutes(30));
        assertTrue(Math.abs(Duration.between(expected, due).toSeconds()) < 60, "due 30 minutes later: " + due);
        assertEquals(0, sender.tick(List.of(campaign)), "not before it is due");

        clock.setTo(TestClock.WORKING_HOURS.plus(Duration.ofMinutes(31)));
        campaigns.drive(campaign, () -> allEntriesIn(campaign, "DONE"));

        List<Map<String, Object>> sms = smsOf(campaign, customer);
        assertEquals(2, sms.size(), "the retry is a new SMS; the first is never sent again");
        assertNotEquals(sms.get(0).get("id"), sms.get(1).get("id"));
        assertTrue(sms.stream().allMatch(row -> "FAILED".equals(row.get("state"))));
        Map<String, Object> done = entry(campaign, customer);
        assertEquals(2, ((Number) done.get("attempts")).intValue());
        assertEquals(sms.get(1).get("id"), done.get("last_sms_id"));
        assertEquals("FAILED", done.get("last_outcome"));
        assertEquals(0, sender.tick(List.of(campaign)), "maxAttempts 2: no third SMS");
        assertEquals(2, smsOf(campaign, customer).size());
    }

    @Test
    void pausedCampaignSendsNothing() {
        String customer = campaigns.customer();
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildAndStart(campaign);
        SmsCampaigns.pause(campaign);

        assertEquals(0, sender.tick(List.of(campaign)));
        sender.tick(); // every ACTIVE SMS campaign (other tests' may send): not this one
        assertEquals(0, smsCount(campaign));
        assertEquals("PENDING", entry(campaign, customer).get("state"));
    }

    @Test
    void oneTickSendsNoMoreThanTheRate() {
        int rate = (int) config.campaigns().perSecond();
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < rate + 2; i++) {
            customers.add(campaigns.customer());
        }
        String campaign = campaigns.campaign(null);
        SmsCampaigns.buildAndStart(campaign);

        assertEquals(rate, sender.tick(List.of(campaign)));
        assertEquals(rate, smsCount(campaign));
        assertEquals(2, SmsCampaigns.entriesIn(campaign, "PENDING"));

        campaigns.drive(campaign, () -> allEntriesIn(campaign, "DONE"));
        assertEquals(customers.size(), smsCount(campaign), "the rest go in later ticks, each once");
    }

    @Test
    void startingAnSmsCampaignWithoutASendableTemplateIsRefused() {
        String missing = campaigns.campaignWithSms("");
        Api.planner().when().post("/api/campaigns/{id}/start", missing).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("sms-template-invalid"));
        String unknownVariable = campaigns.campaignWithSms(",\"sms\":{\"template\":\"{nickname}您好\"}");
        Api.planner().when().post("/api/campaigns/{id}/start", unknownVariable).then().statusCode(409)
                .body("code", equalTo("sms-template-invalid"));
        assertEquals("DRAFT", Db.value("select state from campaign where id = ?", missing));
        assertEquals("DRAFT", Db.value("select state from campaign where id = ?", unknownVariable));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
