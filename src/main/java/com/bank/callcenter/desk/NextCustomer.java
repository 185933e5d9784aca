package com.bank.callcenter.desk;

import com.bank.callcenter.calls.CallService;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.contacts.ContactRules;
import com.bank.callcenter.customers.BookAccess;
import com.bank.callcenter.customers.MobileNumbers;
import com.bank.callcenter.lists.ListEntries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * POST /api/agent/next: the RM's next customer. Pops the live queue (due callbacks first, then by
 * campaign and entry priority), confirms the claim in PostgreSQL (only a PENDING, due entry of a
 * served list, customer in the RM's book), then checks the contact rules as any dialler does — a
 * customer another campaign reached within the cap is skipped here, not after the RM has read the
 * card. In a PROGRESSIVE campaign the call is placed at once. With Redis away the candidates come
 * from PostgreSQL directly, in the same order.
 */
@ApplicationScoped
public class NextCustomer {

    private static final Logger LOG = Logger.getLogger(NextCustomer.class);
    static final String NOT_READY = "not-ready";
    /** The customer left the customer table between the list build and the claim. */
    static final String CUSTOMER_GONE = "customer-gone";
    /** A callback that came from no list: no list's own attempts are excepted from the cap. */
    private static final long NO_LIST = -1L;

    private final AgentStates states;
    private final DeskQueue queue;
    private final ListEntries entries;
    private final Callbacks callbacks;
    private final DeskCards cards;
    private final DeskCampaigns campaigns;
    private final ContactRules rules;
    private final CallService calls;
    private final DeskQueueUpkeep upkeep;
    private final DeskConfig config;
    private final Clock clock;

    public NextCustomer(AgentStates states, DeskQueue queue, ListEntries entries, Callbacks callbacks, DeskCards cards,
                        DeskCampaigns campaigns, ContactRules rules, CallService calls,
                        DeskQueueUpkeep upkeep, DeskConfig config, Clock clock) {
        this.upkeep = upkeep;
        this.states = states;
        this.queue = queue;
        this.entries = entries;
        this.callbacks = callbacks;
        this.cards = cards;
        this.campaigns = campaigns;
        this.rules = rules;
        this.calls = calls;
        this.config = config;
        this.clock = clock;
    }

    /** What a claim attempt came to. */
    private sealed interface Outcome {
    }

    private record Served(DeskCard card, boolean progressive) implements Outcome {
    }

    /** Not claimable (taken, stopped, refused): try the next candidate. */
    private record Passed() implements Outcome {
    }

    /** Claimable later (outside the calling window or the campaign's schedule): back in the queue afterwards. */
    private record Deferred(DeskQueue.Item item) implements Outcome {
    }

    /** The next card, empty when nothing is due. */
    public Optional<DeskCard> next(String staffId, String username) {
        AgentStateView state = states.view(staffId);
        if (state.state() != AgentState.READY) {
            throw new ProblemException(Status.CONFLICT, NOT_READY,
                    "take a customer when READY; you are " + state.state());
        }
        Instant now = clock.instant();
        if (!rules.insideCallingWindow(now)) {
            return Optional.empty();
        }
        Candidates candidates = new Candidates(staffId, now);
        List<DeskQueue.Item> deferred = new ArrayList<>();
        try {
            for (int i = 0; i < config.claimAttempts(); i++) {
                Optional<DeskQueue.Item> item = candidates.next();
                if (item.isEmpty()) {
                    return Optional.empty();
                }
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> claim(item.get(), staffId, username, now));
                if (outcome instanceof Served served) {
                    return Optional.of(served.progressive() ? dial(served.card(), staffId) : served.card());
                }
                if (outcome instanceof Deferred later) {
                    deferred.add(later.item());
                }
            }
            return Optional.empty();
        } finally {
            putBack(deferred, staffId, now);
        }
    }

    /** The card of what the RM holds now (the newest claim), without claiming anything. */
    public Optional<DeskCard> current(String staffId, String username) {
        Instant now = clock.instant();
        UUID onCall = states.view(staffId).callId();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (onCall != null) {
                com.bank.callcenter.calls.CallAttempt call = com.bank.callcenter.calls.CallAttempt.findById(onCall);
                if (call != null && call.handedOffAt != null) {
                    return handOff(call.id, call.customerId, call.campaignId, staffId, username);
                }
            }
            Optional<ListEntries.AgentEntry> entry = entries.heldBy(staffId).stream().findFirst();
            if (entry.isPresent()) {
                return card(entry.get(), staffId, username, now);
            }
            return callbacks.heldBy(staffId).stream().findFirst().flatMap(cb -> cards.customer(cb.customerId(), username, now)
                    .map(customer -> card(cb, customer, staffId, now)));
        });
    }

    /** The card of a customer the robot's team queue connected to the RM (press 1): the call is already up. */
    public Optional<DeskCard> handOff(UUID callId, String customerId, String campaignId, String staffId, String username) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> cards.customer(customerId, username, now).map(customer -> {
            Optional<DeskCampaigns.DeskCampaign> campaign = campaigns.find(campaignId);
            return new DeskCard(null, null, null, "hand-off", null, callId,
                    campaign.map(c -> c.card(customer.name(), campaigns.managerName(staffId))).orElse(null), customer);
        }));
    }

    private Outcome claim(DeskQueue.Item item, String staffId, String username, Instant now) {
        if (item.callback()) {
            return callbacks.claim(item.id(), staffId, now).<Outcome>map(cb -> checked(cb, staffId, username, now))
                    .orElse(new Passed());
        }
        return entries.claimForAgent(item.id(), staffId, now).<Outcome>map(e -> checked(e, staffId, username, now))
                .orElse(new Passed());
    }

    private Outcome checked(ListEntries.AgentEntry entry, String staffId, String username, Instant now) {
        Optional<DeskCampaigns.DeskCampaign> campaign = campaigns.find(entry.campaignId());
        if (campaign.isPresent() && !campaigns.policies().insideSchedule(campaign.get().definition().schedule(), now)) {
            entries.releaseAgentClaim(entry.entryId(), null);
            return new Deferred(new DeskQueue.Item(false, entry.entryId()));
        }
        Optional<DeskCards.CustomerRow> customer = cards.row(entry.customerId(), now);
        String refused = customer.isEmpty() ? CUSTOMER_GONE
                : refusal(customer.get(), now, campaign.map(campaigns::frequencyCapDays).orElse(0), entry.listId());
        if (refused != null) {
            entries.skipAgentClaim(entry.entryId(), refused);
            return new Passed();
        }
        DeskCard.Customer card = cards.customer(customer.get(), username);
        return new Served(new DeskCard(entry.entryId(), null, now.plus(config.claimTtl()), entry.reason(),
                campaign.map(c -> c.definition().effectiveDialMode().name()).orElse(null), null,
                campaign.map(c -> c.card(card.name(), campaigns.managerName(staffId))).orElse(null), card),
                campaign.map(DeskCampaigns.DeskCampaign::progressive).orElse(false));
    }

    private Outcome checked(Callbacks.Callback callback, String staffId, String username, Instant now) {
        Optional<DeskCampaigns.DeskCampaign> campaign = campaigns.find(callback.campaignId());
        int capDays = campaign.map(campaigns::frequencyCapDays).orElse(0);
        Optional<DeskCards.CustomerRow> customer = cards.row(callback.customerId(), now);
        String refused = customer.isEmpty() ? CUSTOMER_GONE
                : refusal(customer.get(), now, capDays, callback.listId() == null ? NO_LIST : callback.listId());
        if (refused != null) {
            callbacks.cancel(callback.callbackId(), now);
            LOG.infof("callback %d of %s for %s cancelled: %s", callback.callbackId(), staffId, callback.customerId(),
                    refused);
            return new Passed();
        }
        return new Served(card(callback, cards.customer(customer.get(), username), staffId, now), false);
    }

    /** The contact rule that refuses the customer now, or null. */
    private String refusal(DeskCards.CustomerRow customer, Instant now, int capDays, long listId) {
        Optional<String> mobile = customer.mobile() == null ? Optional.empty() : MobileNumbers.normalise(customer.mobile());
        if (mobile.isEmpty()) {
            return BookAccess.NO_VALID_MOBILE;
        }
        return rules.refusals(Map.of(customer.customerId(), mobile.get()), now, capDays, listId)
                .get(customer.customerId());
    }

    private Optional<DeskCard> card(ListEntries.AgentEntry entry, String staffId, String username, Instant now) {
        return cards.customer(entry.customerId(), username, now).map(customer -> {
            Optional<DeskCampaigns.DeskCampaign> campaign = campaigns.find(entry.campaignId());
            return new DeskCard(entry.entryId(), null, now.plus(config.claimTtl()), entry.reason(),
                    campaign.map(c -> c.definition().effectiveDialMode().name()).orElse(null), null,
                    campaign.map(c -> c.card(customer.name(), campaigns.managerName(staffId))).orElse(null), customer);
        });
    }

    private DeskCard card(Callbacks.Callback callback, DeskCard.Customer customer, String staffId, Instant now) {
        Optional<DeskCampaigns.DeskCampaign> campaign = campaigns.find(callback.campaignId());
        String reason = "callback" + (callback.note() == null ? "" : ": " + callback.note());
        return new DeskCard(null, callback.callbackId(), now.plus(config.claimTtl()), reason, null, null,
                campaign.map(c -> c.card(customer.name(), campaigns.managerName(staffId))).orElse(null), customer);
    }

    /** PROGRESSIVE: the service places the call for the claimed entry at once (agent first). */
    private DeskCard dial(DeskCard card, String staffId) {
        try {
            UUID callId = calls.placeAgentCall(card.customer().customerId(), card.entryId(), null, staffId);
            return card.withCall(callId);
        } catch (ProblemException e) {
            LOG.infof("progressive dial of entry %d for %s not placed: %s", card.entryId(), staffId, e.getMessage());
            return card;
        }
    }

    private void putBack(List<DeskQueue.Item> deferred, String staffId, Instant now) {
        if (deferred.isEmpty()) {
            return;
        }
        try {
            List<Long> ids = deferred.stream().map(DeskQueue.Item::id).toList();
            queue.addEntries(QuarkusTransaction.requiringNew().call(() -> entries.pendingAgentEntries(ids)));
        } catch (RuntimeException e) {
            LOG.debugf("deferred entries of %s go back at the next fill: %s", staffId, e.getMessage());
        }
    }

    /**
     * The RM's candidates: popped from the live queue; while Redis is away, read from PostgreSQL in the
     * same order (callbacks due first, then campaign and entry priority).
     */
    private final class Candidates {
        private final String staffId;
        private final Instant now;
        private List<DeskQueue.Item> fromDatabase;
        private boolean refreshed;

        Candidates(String staffId, Instant now) {
            this.staffId = staffId;
            this.now = now;
        }

        Optional<DeskQueue.Item> next() {
            if (fromDatabase == null) {
                try {
                    Optional<DeskQueue.Item> item = queue.pop(staffId, now);
                    if (item.isEmpty() && !refreshed) {
                        // an empty queue may be one not filled yet (a campaign just started, Redis just flushed)
                        refreshed = true;
                        upkeep.upkeep();
                        item = queue.pop(staffId, now);
                    }
                    return item;
                } catch (RuntimeException e) {
                    LOG.warnf("live queue of %s unavailable (%s); serving from PostgreSQL", staffId, e.getMessage());
                    fromDatabase = QuarkusTransaction.requiringNew().call(this::readDatabase);
                }
            }
            return fromDatabase.isEmpty() ? Optional.empty() : Optional.of(fromDatabase.remove(0));
        }

        private List<DeskQueue.Item> readDatabase() {
            List<DeskQueue.Item> items = new ArrayList<>();
            callbacks.open(staffId).stream().filter(cb -> "PENDING".equals(cb.state()) && !cb.dueAt().isAfter(now))
                    .forEach(cb -> items.add(new DeskQueue.Item(true, cb.callbackId())));
            entries.dueForDesk(staffId, now).stream()
                    .sorted(Comparator.comparingInt(ListEntries.AgentEntry::campaignPriority)
                            .thenComparingInt(ListEntries.AgentEntry::priority))
                    .limit(config.claimAttempts())
                    .forEach(e -> items.add(new DeskQueue.Item(false, e.entryId())));
            return items;
        }
    }
}
