package com.bank.callcenter.scoring;

import com.bank.callcenter.calls.CallBook;
import com.bank.callcenter.security.PasswordHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bank.callcenter.support.RecordedContacts.call;
import static com.bank.callcenter.support.RecordedContacts.sms;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The score's counting rules against records written as the service writes them: a 3 s call, ten
 * calls to one customer in a day, a robot call handed to the RM, an unanswered call, a duplicate SMS
 * and a refused one are not units of work; days are read in Asia/Shanghai.
 */
@QuarkusTest
class ContactCountingTest {

    /** Monday 2026-11-09 00:00 Asia/Shanghai. */
    private static final Instant MONDAY = Instant.parse("2026-11-08T16:00:00Z");
    private static final Instant WEEK_END = MONDAY.plusSeconds(7 * 86_400);

    @Inject
    PasswordHasher hasher;

    @Inject
    ContactCounting counting;

    @Test
    void callsCountOncePerCustomerAndDayWhenTheRmPlacedThemAndTalked() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String x = book.customer(rm, '0');
        String y = book.customer(rm, '0');
        Instant tuesday10 = MONDAY.plusSeconds(86_400 + 10 * 3600);

        UUID counted = call(rm, x, "AGENT_CALL", tuesday10, 40, false);
        UUID again = call(rm, x, "AGENT_CALL", tuesday10.plusSeconds(600), 60, false);
        UUID threeSeconds = call(rm, y, "AGENT_CALL", tuesday10.plusSeconds(700), 3, false);
        UUID unanswered = call(rm, y, "AGENT_CALL", tuesday10.plusSeconds(800), null, false);
        UUID handOff = call(rm, y, "ROBOT_CALL", tuesday10.plusSeconds(900), 100, true);
        List<UUID> tenToY = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenToY.add(call(rm, y, "AGENT_CALL", tuesday10.plusSeconds(1000 + 100L * i), 20, false));
        }
        // 23:50 and 00:10 Shanghai: two days, both count
        UUID lateEvening = call(rm, x, "AGENT_CALL", MONDAY.plusSeconds(2 * 86_400 + 23 * 3600 + 50 * 60), 30, false);
        UUID afterMidnight = call(rm, x, "AGENT_CALL", MONDAY.plusSeconds(3 * 86_400 + 10 * 60), 30, false);
        // another week: not in the period
        call(rm, x, "AGENT_CALL", WEEK_END.plusSeconds(3600), 30, false);

        CountedRecords records = QuarkusTransaction.requiringNew().call(() -> counting.callRecords(rm, MONDAY, WEEK_END));
        assertEquals(List.of(counted, tenToY.get(0), lateEvening, afterMidnight), records.counted());
        Map<UUID, String> rules = new java.util.HashMap<>();
        records.notCounted().forEach(n -> rules.put(n.id(), n.rule()));
        assertEquals(ContactCounting.REPEAT_SAME_DAY, rules.get(again));
        assertEquals(ContactCounting.TOO_SHORT, rules.get(threeSeconds));
        assertEquals(ContactCounting.NOT_ANSWERED, rules.get(unanswered));
        assertEquals(ContactCounting.NOT_PLACED_BY_RM, rules.get(handOff));
        for (UUID repeat : tenToY.subList(1, 10)) {
            assertEquals(ContactCounting.REPEAT_SAME_DAY, rules.get(repeat));
        }
        assertEquals(13, records.notCounted().size());

        assertEquals(4L, QuarkusTransaction.requiringNew().call(() -> counting.effectiveCalls(rm, MONDAY, WEEK_END)));
        assertEquals(4L, QuarkusTransaction.requiringNew().call(() -> counting.effectiveCalls(MONDAY, WEEK_END)).get(rm));
    }

    @Test
    void smsCountOncePerCustomerAndDayWhenTheGatewayAcceptedThem() {
        CallBook book = new CallBook(hasher);
        String rm = book.rm();
        String x = book.customer(rm, '0');
        String y = book.customer(rm, '0');
        Instant wednesday = MONDAY.plusSeconds(2 * 86_400 + 11 * 3600);
        UUID first = sms(rm, x, "SENT", wednesday);
        UUID duplicate = sms(rm, x, "SENT", wednesday.plusSeconds(60));
        UUID refused = sms(rm, y, "FAILED", wednesday.plusSeconds(120));
        UUID toY = sms(rm, y, "SENT", wednesday.plusSeconds(180));
        UUID nextDay = sms(rm, x, "SENT", wednesday.plusSeconds(86_400));

        CountedRecords records = QuarkusTransaction.requiringNew().call(() -> counting.smsRecords(rm, MONDAY, WEEK_END));
        assertEquals(List.of(first, toY, nextDay), records.counted());
        assertEquals(List.of(new CountedRecords.NotCounted(duplicate, ContactCounting.REPEAT_SAME_DAY),
                new CountedRecords.NotCounted(refused, ContactCounting.NOT_ACCEPTED)), records.notCounted());
        assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> counting.countedSms(rm, MONDAY, WEEK_END)));
    }
}
