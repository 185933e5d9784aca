package com.bank.callcenter.desk;

import com.bank.callcenter.calls.CallAttempt;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.contacts.ContactRules;
import com.bank.callcenter.contacts.DoNotCall;
import com.bank.callcenter.contacts.OptOut;
import com.bank.callcenter.contacts.OptOuts;
import com.bank.callcenter.customers.Customer;
import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.lists.ListEntries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * POST /api/calls/{callId}/disposition: what the RM recorded about their call. It settles the list
 * entry (DONE with the code, or PENDING again when a NO_ANSWER is one the campaign retries), closes
 * the callback the call was for, creates the callback a CALLBACK asks for, and puts the number on
 * the do-not-call list for DO_NOT_CALL through the same durable path as a press 9. The RM's wrap-up
 * ends with it.
 */
@ApplicationScoped
public class Dispositions {

    /** A disposition as the RM sends it. */
    public record Request(Disposition code, String note, Instant callbackAt, String productCode) {
    }

    private final ListEntries entries;
    private final Callbacks callbacks;
    private final DeskCampaigns campaigns;
    private final ContactRules rules;
    private final OptOuts optOuts;
    private final AgentStates states;
    private final DeskQueue queue;
    private final DeskConfig config;
    private final CallCenterConfig callcenter;
    private final Clock clock;

    public Dispositions(ListEntries entries, Callbacks callbacks, DeskCampaigns campaigns, ContactRules rules,
                        OptOuts optOuts, AgentStates states, DeskQueue queue, DeskConfig config,
                        CallCenterConfig callcenter, Clock clock) {
        this.entries = entries;
        this.callbacks = callbacks;
        this.campaigns = campaigns;
        this.rules = rules;
        this.optOuts = optOuts;
        this.states = states;
        this.queue = queue;
        this.config = config;
        this.callcenter = callcenter;
        this.clock = clock;
    }

    public void record(UUID callId, String staffId, Request request) {
        Instant now = clock.instant();
        validate(request, now);
        Optional<Long> newCallback = QuarkusTransaction.requiringNew().call(() -> apply(callId, staffId, request, now));
        newCallback.ifPresent(id -> {
            try {
                queue.addCallback(staffId, id, request.callbackAt());
            } catch (RuntimeException e) {
                // the callback is in PostgreSQL; the next fill of the live queues brings it
            }
        });
        states.dispositioned(staffId, callId);
    }

    private void validate(Request request, Instant now) {
        if (request.code() == null) {
            throw ProblemException.badRequest("code-required", "code is required");
        }
        if (request.code() == Disposition.CALLBACK) {
            if (request.callbackAt() == null) {
                throw ProblemException.badRequest("callback-at-required", "a CALLBACK needs callbackAt");
            }
            if (!request.callbackAt().isAfter(now) || !rules.insideCallingWindow(request.callbackAt())) {
                throw ProblemException.badRequest("callback-outside-window",
                        "callbackAt must be in the future and inside the calling window, " + rules.describeWindow());
            }
        }
        if (request.code() == Disposition.SOLD && (request.productCode() == null || request.productCode().isBlank())) {
            throw ProblemException.badRequest("product-code-required", "a SOLD needs the productCode");
        }
    }

    private Optional<Long> apply(UUID callId, String staffId, Request request, Instant now) {
        CallAttempt call = Optional.ofNullable(CallAttempt.<CallAttempt>findById(callId))
                .orElseThrow(() -> ProblemException.notFound("call", callId));
        if (!staffId.equals(call.staffId)) {
            throw ProblemException.forbidden("an RM dispositions only their own calls");
        }
        if (call.disposition != null) {
            throw ProblemException.conflict("already-dispositioned", "the call was dispositioned as " + call.disposition);
        }
        call.disposition = request.code().name();
        call.dispositionNote = request.note();
        call.productCode = request.code() == Disposition.SOLD ? request.productCode().trim() : null;
        call.dispositionedAt = now;

        Optional<DeskCampaigns.DeskCampaign> campaign = campaigns.find(call.campaignId);
        // a call that never connected was already settled by its outcome (and retried as the campaign says)
        boolean unansweredNoAnswer = request.code() == Disposition.NO_ANSWER && call.answerAt == null;
        if (call.entryId != null && !unansweredNoAnswer) {
            entries.dispositioned(call.entryId, callId, request.code().name(), retryAt(request.code(), call, campaign, now));
        }
        if (call.callbackId != null) {
            callbacks.done(call.callbackId, now);
        }
        if (request.code() == Disposition.DO_NOT_CALL) {
            optOut(call, now);
        }
        if (request.code() != Disposition.CALLBACK) {
            return Optional.empty();
        }
        Long listId = call.entryId == null ? null : entries.listOf(call.entryId).orElse(null);
        return Optional.of(callbacks.create(staffId, call.customerId, call.campaignId, listId, callId,
                request.callbackAt(), request.note(), now));
    }

    /** NO_ANSWER on a campaign entry: again after the campaign's NO_ANSWER retry, while attempts remain. */
    private Instant retryAt(Disposition code, CallAttempt call, Optional<DeskCampaigns.DeskCampaign> campaign,
                            Instant now) {
        if (code != Disposition.NO_ANSWER || campaign.isEmpty()) {
            return null;
        }
        Optional<CampaignDefinition.Retry> retry = campaigns.policies().ownRetry(campaign.get().definition(),
                Disposition.NO_ANSWER.name());
        int attempts = entries.attemptsOf(call.entryId);
        if (retry.isEmpty() || attempts >= retry.get().maxAttempts()) {
            return null;
        }
        return now.plus(Duration.ofMinutes(retry.get().afterMinutes()));
    }

    private void optOut(CallAttempt call, Instant now) {
        Customer customer = Customer.findByCustomerId(call.customerId).orElse(null);
        Optional<String> mobile = customer == null || customer.mobile == null ? Optional.empty()
                : MobileNumbers.normalise(customer.mobile);
        if (mobile.isEmpty()) {
            return;
        }
        Instant until = now.atZone(callcenter.zone()).plusMonths(config.optOutHoldMonths()).toInstant();
        optOuts.optOut(new OptOut(mobile.get(), DoNotCall.Source.RM_DISPOSITION,
                "asked RM " + call.staffId + " in call " + call.id, now, until));
    }
}
