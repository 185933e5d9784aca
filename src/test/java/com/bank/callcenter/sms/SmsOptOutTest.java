package com.bank.callcenter.sms;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestClock;
import com.bank.callcenter.telephony.SimulatedPbxLauncher;
import com.bank.callcenter.telephony.sim.SimulatedPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replies "TD" coming in from the carrier as the SmsIn UserEvent, through the simulated PBX over TCP. */
@QuarkusTest
class SmsOptOutTest {

    @Inject
    PasswordHasher hasher;

    @Inject
    TestClock clock;

    @Inject
    SimulatedPbxLauncher launcher;

    private SmsBook book;
    private SimulatedPbx simulator;

    @BeforeEach
    void setUp() {
        book = new SmsBook(hasher);
        clock.reset();
        simulator = launcher.simulator().orElseThrow();
    }

    @Test
    void replyTdPutsTheNumberOnDoNotCallAndStopsTheNextSmsAndCall() {
        String rm = book.rm();
        String customer = book.customer(rm);
        String mobile = SmsBook.mobileOf(customer);

        simulator.deliverInboundSms("\"" + mobile + "\" <sip:+86" + mobile + "@carrier>", " td ");
        awaitDoNotCall(mobile);

        Map<String, Object> dnc = Db.rows("select source, expires_at from do_not_call where mobile = ?", mobile).get(0);
        assertEquals("SMS_TD", dnc.get("source"));
        ZonedDateTime expires = ((Timestamp) dnc.get("expires_at")).toInstant().atZone(ZoneId.of("Asia/Shanghai"));
        ZonedDateTime sixMonths = TestClock.WORKING_HOURS.atZone(ZoneId.of("Asia/Shanghai")).plusMonths(6);
        assertTrue(Math.abs(ChronoUnit.MINUTES.between(sixMonths, expires)) < 5, "expires " + expires);

        Api.as(rm).contentType("application/json").body(SmsBook.json(customer, "text", "您好"))
                .when().post("/api/sms").then().statusCode(409).body("code", equalTo("do-not-call"));
        Api.as(rm).contentType("application/json").body("{\"customerId\":\"" + customer + "\"}")
                .when().post("/api/calls").then().statusCode(409).body("code", equalTo("do-not-call"));
        assertEquals(0, Db.count("select count(*) from contact_attempt where customer_id = ?", customer));
    }

    @Test
    void tAndChineseUnsubscribeOptOutToo() {
        String first = SmsBook.mobile();
        String second = SmsBook.mobile();
        simulator.deliverInboundSms("sip:" + first + "@carrier", "T");
        simulator.deliverInboundSms("sip:" + second + "@carrier", "退订");
        awaitDoNotCall(first);
        awaitDoNotCall(second);
    }

    @Test
    void otherRepliesChangeNothing() {
        String mobile = SmsBook.mobile();
        String marker = SmsBook.mobile();
        for (String body : List.of("谢谢", "TD please", "好的，知道了")) {
            simulator.deliverInboundSms("sip:" + mobile + "@carrier", body);
        }
        // events of one link arrive in order: once the marker's opt-out is in, the others were handled
        simulator.deliverInboundSms("sip:" + marker + "@carrier", "TD");
        awaitDoNotCall(marker);
        assertEquals(0, Db.count("select count(*) from do_not_call where mobile = ?", mobile));
    }

    @Test
    void aPermanentEntryOfTheBankIsNotShortened() {
        String mobile = SmsBook.mobile();
        Db.execute("insert into do_not_call (mobile, reason, source) values (?, 'bank list', 'BANK')", mobile);
        simulator.deliverInboundSms("sip:" + mobile + "@carrier", "TD");
        String marker = SmsBook.mobile();
        simulator.deliverInboundSms("sip:" + marker + "@carrier", "TD");
        awaitDoNotCall(marker);
        Map<String, Object> dnc = Db.rows("select source, expires_at from do_not_call where mobile = ?", mobile).get(0);
        assertEquals("BANK", dnc.get("source"));
        assertEquals(null, dnc.get("expires_at"));
    }

    @Test
    void senderNumbersAreReadFromSipUris() {
        assertEquals("13800138000", SmsOptOutListener.senderMobile("\"Bob\" <sip:13800138000@carrier>").orElseThrow());
        assertEquals("13800138000", SmsOptOutListener.senderMobile("sip:+8613800138000@10.0.0.1:5060").orElseThrow());
        assertEquals("13800138000", SmsOptOutListener.senderMobile("13800138000").orElseThrow());
        assertTrue(SmsOptOutListener.senderMobile("sip:smsc@carrier").isEmpty());
        assertTrue(SmsOptOutListener.senderMobile("").isEmpty());
    }

    private static void awaitDoNotCall(String mobile) {
        SmsBook.await("do_not_call for " + mobile,
                () -> Db.count("select count(*) from do_not_call where mobile = ? and source = 'SMS_TD'", mobile) == 1);
    }
}
