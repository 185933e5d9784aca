package com.bank.callcenter.sms;

import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.contacts.DoNotCall;
import com.bank.callcenter.contacts.OptOut;
import com.bank.callcenter.contacts.OptOuts;
import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.telephony.DialplanContract;
import com.bank.callcenter.telephony.PbxEvent;
import com.bank.callcenter.telephony.PbxListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Inbound SMS (UserEvent SmsIn, From and Body): a reply "TD" (also "T", "退订"; trimmed, any case)
 * puts the sender's number on do-not-call for the opt-out hold (DOMAIN.md: at least 6 months).
 */
@ApplicationScoped
public class SmsOptOutListener implements PbxListener {

    private static final Logger LOG = Logger.getLogger(SmsOptOutListener.class);

    private final OptOuts optOuts;
    private final SmsConfig config;
    private final CallCenterConfig callcenter;
    private final Clock clock;

    public SmsOptOutListener(OptOuts optOuts, SmsConfig config, CallCenterConfig callcenter, Clock clock) {
        this.optOuts = optOuts;
        this.config = config;
        this.callcenter = callcenter;
        this.clock = clock;
    }

    @Override
    public void onEvent(PbxEvent event) {
        if (!DialplanContract.SMS_IN_EVENT.equals(event.name())) {
            return;
        }
        String body = Optional.ofNullable(event.get("Body")).orElse("").strip();
        if (!isOptOut(body)) {
            LOG.infof("inbound SMS from %s on %s: not an opt-out", masked(event.get("From")), event.server());
            return;
        }
        Optional<String> mobile = senderMobile(event.get("From"));
        if (mobile.isEmpty()) {
            LOG.warnf("inbound opt-out SMS on %s from an unreadable sender %s: nobody put on do-not-call",
                    event.server(), event.get("From"));
            return;
        }
        optOut(mobile.get(), body);
    }

    boolean isOptOut(String body) {
        String reply = body.strip().toUpperCase(Locale.ROOT);
        return config.optOutReplies().stream().anyMatch(r -> r.strip().toUpperCase(Locale.ROOT).equals(reply));
    }

    /** do_not_call until now + the hold; a longer or permanent entry already there is kept. */
    void optOut(String mobile, String reply) {
        Instant now = clock.instant();
        Instant expires = now.atZone(callcenter.zone()).plusMonths(config.optOutHoldMonths()).toInstant();
        optOuts.optOut(new OptOut(mobile, DoNotCall.Source.SMS_TD, "SMS reply " + reply, now, expires));
        LOG.infof("SMS opt-out: %s replied %s, on do-not-call until %s", MobileNumbers.mask(mobile), reply, expires);
    }

    /** {@code "138..." <sip:13800138000@carrier>}, {@code sip:+8613800138000@host}, {@code 13800138000} → the mobile. */
    static Optional<String> senderMobile(String from) {
        if (from == null || from.isBlank()) {
            return Optional.empty();
        }
        String s = from.strip();
        int scheme = Math.max(s.indexOf("sip:"), s.indexOf("tel:"));
        if (s.indexOf("sips:") >= 0) {
            scheme = s.indexOf("sips:") + 1;
        }
        if (scheme >= 0) {
            s = s.substring(scheme + 4);
            int end = s.length();
            for (char c : new char[] {'@', '>', ';', '?'}) {
                int i = s.indexOf(c);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            s = s.substring(0, end);
        }
        s = s.replace("\"", "").replace("<", "").replace(">", "").strip();
        return s.isEmpty() ? Optional.empty() : MobileNumbers.normalise(s);
    }

    private static String masked(String from) {
        return senderMobile(from).map(MobileNumbers::mask).orElse("an unknown sender");
    }
}
