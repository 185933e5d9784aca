package com.bank.callcenter.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** SMS settings; the defaults follow DOMAIN.md (MIIT Order 31: signature and a way to refuse in every message). */
@ConfigMapping(prefix = "callcenter.sms")
public interface SmsConfig {

    /** The bank signature every marketing SMS carries, at its start. */
    @WithDefault("【示例银行】")
    String signature();

    /** The unsubscribe tail every marketing SMS ends with. */
    @WithDefault("回复TD退订")
    String unsubscribe();

    /** {bankName} in templates. */
    @WithDefault("示例银行")
    String bankName();

    /** Replies that opt the sender out, compared trimmed and case-insensitively. */
    @WithDefault("TD,T,退订")
    List<String> optOutReplies();

    /** How long an SMS opt-out keeps the number on do-not-call (DOMAIN.md: at least 6 months). */
    @WithDefault("6")
    int optOutHoldMonths();

    /** MessageSend From; absent = the SMS endpoint's own (from_user in pjsip.conf). */
    Optional<String> from();

    /** Longest template or free text, before the signature and tail are added. */
    @WithDefault("500")
    int maxLength();

    /**
     * How often an RM's or a press-2 SMS left QUEUED longer than campaigns.stale-after is settled
     * UNKNOWN ({@code UnansweredSms}); {@code off} = never (tests sweep themselves).
     */
    @WithDefault("1m")
    String unansweredSweep();

    /** The SMS campaign sender (SmsCampaignSender). */
    Campaigns campaigns();

    interface Campaigns {

        /** false = the scheduled tick does nothing (tests drive {@code SmsCampaignSender#tick} themselves). */
        @WithDefault("true")
        boolean enabled();

        /** How often the sender looks for work. */
        @WithDefault("1s")
        String tick();

        /** SMS per second per campaign at most. */
        @WithDefault("10")
        double perSecond();

        /**
         * A claim with no SMS recorded is released, and an SMS Asterisk never answered is settled as
         * UNKNOWN (never re-sent: it may have gone out), after this long.
         */
        @WithDefault("PT5M")
        Duration staleAfter();
    }
}
