package com.bank.callcenter.desk;

import com.bank.callcenter.calls.AgentCallPlaced;
import com.bank.callcenter.calls.CallStatesChanged;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.lists.ListEntries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How RMs' calls move the desk: a placed call puts the RM ON_CALL; its state changes reach the RM's
 * event stream; when it ends the RM goes to WRAP_UP and the list entry moves with the call — a
 * failed call is retried as the campaign's contactPolicy says (as for robot calls), an answered one
 * is DONE until the RM's disposition names the outcome. The work runs on a thread of its own, never
 * on the call-record writer's.
 */
@ApplicationScoped
public class AgentCalls {

    private static final Logger LOG = Logger.getLogger(AgentCalls.class);
    private static final long DRAIN_ON_STOP_SECONDS = 5;
    static final String ANSWERED = "ANSWERED";

    private final AgentStates states;
    private final DeskEvents events;
    private final ListEntries entries;
    private final DeskCampaigns campaigns;
    private final TodayCounters today;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "desk-calls");
        thread.setDaemon(true);
        return thread;
    });

    public AgentCalls(AgentStates states, DeskEvents events, ListEntries entries, DeskCampaigns campaigns,
                      TodayCounters today, Clock clock) {
        this.states = states;
        this.events = events;
        this.entries = entries;
        this.campaigns = campaigns;
        this.today = today;
        this.clock = clock;
    }

    /** What the desk's stream says about a call. */
    public record CallEvent(UUID callId, String state, String outcome, Integer talkSeconds) {
    }

    void placed(@Observes AgentCallPlaced placed) {
        worker.execute(() -> {
            try {
                states.callStarted(placed.staffId(), placed.callId());
                events.send(placed.staffId(), "call", new CallEvent(placed.callId(), "QUEUED", null, null));
            } catch (RuntimeException e) {
                LOG.warnf(e, "call %s of %s: desk not told it started", placed.callId(), placed.staffId());
            }
        });
    }

    void changed(@Observes CallStatesChanged changed) {
        worker.execute(() -> {
            boolean anyEnded = false;
            for (CallStatesChanged.Change change : changed.changes()) {
                try {
                    events.send(change.staffId(), "call", new CallEvent(change.callId(), change.state().name(),
                            change.outcome() == null ? null : change.outcome().name(), change.talkSeconds()));
                    if (change.state().isFinal()) {
                        anyEnded = true;
                        states.callEnded(change.staffId(), change.callId());
                        sendToday(change.staffId());
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(e, "call %s of %s: desk not told of %s", change.callId(), change.staffId(), change.state());
                }
            }
            if (anyEnded) {
                settleFinished();
            }
        });
    }

    /** Today's counters to the RM's desk. */
    void sendToday(String staffId) {
        events.send(staffId, "today", today.of(staffId));
    }

    /** Entries of agent campaigns whose call ended: PENDING for a retry the policy allows, else DONE. */
    public synchronized void settleFinished() {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Optional<DeskCampaigns.DeskCampaign>> byCampaign = new HashMap<>();
            List<ListEntries.Settlement> settled = new ArrayList<>();
            for (ListEntries.FinishedCall call : entries.finishedCalls(Channel.AGENT_CALL)) {
                Optional<DeskCampaigns.DeskCampaign> campaign = byCampaign.computeIfAbsent(call.campaignId(), campaigns::find);
                String outcome = result(call);
                Instant due = null;
                if ("FAILED".equals(call.callState()) && call.outcome() != null && campaign.isPresent()) {
                    Optional<CampaignDefinition.Retry> retry = campaigns.policies().ownRetry(campaign.get().definition(),
                            call.outcome());
                    if (retry.isPresent() && call.attempts() < retry.get().maxAttempts()) {
                        Instant ended = call.endedAt() == null ? now : call.endedAt();
                        Instant retryAt = ended.plus(Duration.ofMinutes(retry.get().afterMinutes()));
                        due = retryAt.isAfter(now) ? retryAt : now;
                    }
                }
                settled.add(new ListEntries.Settlement(call.listId(), call.customerId(), outcome, due));
            }
            entries.settle(settled);
        });
    }

    private static String result(ListEntries.FinishedCall call) {
        return switch (call.callState()) {
            case "COMPLETED" -> ANSWERED;
            case "UNKNOWN" -> "UNKNOWN";
            default -> call.outcome() == null ? "FAILED" : call.outcome();
        };
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(DRAIN_ON_STOP_SECONDS, TimeUnit.SECONDS);
    }
}
