package com.bank.callcenter.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * One Originate and everything it causes, played as a timeline of phases. Within a phase each
 * channel's events form a lane; lanes are interleaved in a seeded random order, as Asterisk's
 * threads interleave them, while every lane keeps its own order.
 */
final class SimulatedCall {

    private static final Logger LOG = Logger.getLogger(SimulatedCall.class);

    /** Produces one event (or null, for a pure state change) when its turn comes. */
    @FunctionalInterface
    interface Step {
        AmiEvent run();
    }

    record Phase(long simulatedDelayMs, List<List<Step>> lanes) {
    }

    private final CallEngine engine;
    private final OriginateRequest request;
    private final AmiSession requester;
    private final Random random;
    private final List<Phase> phases = new ArrayList<>();
    private final List<ChannelSnapshot> channels = new ArrayList<>();
    private SimulatedBridge bridge;
    private int nextPhase;
    private ScheduledFuture<?> pending;
    private boolean finished;
    private boolean originateReported;

    SimulatedCall(CallEngine engine, OriginateRequest request, AmiSession requester, long seed) {
        this.engine = engine;
        this.request = request;
        this.requester = requester;
        this.random = new Random(seed);
    }

    OriginateRequest request() {
        return request;
    }

    Random random() {
        return random;
    }

    CallEngine engine() {
        return engine;
    }

    /** Adds a phase that starts {@code simulatedDelayMs} after the previous one; each argument is a lane. */
    @SafeVarargs
    final void phase(long simulatedDelayMs, List<Step>... lanes) {
        phases.add(new Phase(simulatedDelayMs, List.of(lanes)));
    }

    void track(ChannelSnapshot channel) {
        channels.add(channel);
    }

    void bridge(SimulatedBridge newBridge) {
        this.bridge = newBridge;
    }

    void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        synchronized (this) {
            if (finished) {
                return;
            }
            if (nextPhase >= phases.size()) {
                finish();
                return;
            }
            long delay = engine.wallClockDelay(phases.get(nextPhase).simulatedDelayMs(), random);
            if (delay > 0) {
                pending = engine.scheduler().schedule(this::runPhases, delay, TimeUnit.MILLISECONDS);
                return;
            }
        }
        runPhases();
    }

    /** Runs the due phase and any that follow it without delay. */
    private void runPhases() {
        try {
            synchronized (this) {
                if (finished) {
                    return;
                }
                do {
                    emit(phases.get(nextPhase++));
                } while (nextPhase < phases.size() && phases.get(nextPhase).simulatedDelayMs() == 0);
            }
            scheduleNext();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Simulated call %s failed", request.actionId());
            synchronized (this) {
                finish();
            }
        }
    }

    private void emit(Phase phase) {
        List<List<Step>> lanes = new ArrayList<>();
        for (List<Step> lane : phase.lanes()) {
            if (!lane.isEmpty()) {
                lanes.add(new ArrayList<>(lane));
            }
        }
        boolean vary = engine.options().varyEventOrder();
        while (!lanes.isEmpty()) {
            int pick = vary ? random.nextInt(lanes.size()) : 0;
            List<Step> lane = lanes.get(pick);
            AmiEvent event = lane.remove(0).run();
            if (event != null) {
                engine.broadcast(event);
            }
            if (lane.isEmpty()) {
                lanes.remove(pick);
            }
        }
    }

    /**
     * Ends the call at once (AMI Hangup, {@code core stop now}): an Originate not yet reported fails,
     * every live channel leaves its bridge and hangs up with {@code cause}, answered channels write a CDR.
     */
    synchronized void terminate(HangupCause cause, ChannelSnapshot requestedBy) {
        if (finished) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        if (!originateReported) {
            reportOriginateFailure(1);
        }
        if (requestedBy != null && !requestedBy.hungUp()) {
            engine.broadcast(AmiEvents.hangupRequest(requestedBy, cause.code()));
        }
        long now = engine.clock().nowMs();
        for (ChannelSnapshot channel : channels) {
            if (channel.hungUp() || channel.createdAtMs() == 0) {
                continue;
            }
            if (bridge != null && bridge.contains(channel)) {
                bridge.leave(channel);
                engine.broadcast(AmiEvents.bridge("BridgeLeave", bridge, channel));
                if (bridge.size() == 0) {
                    engine.broadcast(AmiEvents.bridge("BridgeDestroy", bridge, null));
                }
            }
            channel.hungUp(true);
            engine.unregister(channel);
            engine.broadcast(AmiEvents.hangup(channel, cause));
            if (channel.recordsCdr() && channel.answeredAtMs() > 0) {
                engine.broadcast(AmiEvents.cdr(channel, null, now));
            }
        }
        finish();
    }

    /** OriginateResponse Failure (async) or {@code Originate failed} (sync); no real channel is named. */
    synchronized void reportOriginateFailure(int reason) {
        originateReported = true;
        if (request.async()) {
            engine.broadcast(AmiEvents.originateResponse(request, false, reason, request.channel(),
                    ChannelSnapshot.UNKNOWN));
        } else if (requester != null) {
            requester.sendResponse(AmiResponses.error(request.actionId(), "Originate failed"));
        }
    }

    synchronized void reportOriginateSuccess(ChannelSnapshot channel) {
        originateReported = true;
        if (request.async()) {
            engine.broadcast(AmiEvents.originateResponse(request, true, 4, channel.name(), channel.uniqueid()));
        } else if (requester != null) {
            requester.sendResponse(AmiResponses.success(request.actionId(), "Originate successfully queued"));
        }
    }

    private void finish() {
        finished = true;
        for (ChannelSnapshot channel : channels) {
            engine.unregister(channel);
        }
        engine.callFinished(this);
    }
}
