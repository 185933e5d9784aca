package com.bank.callcenter.campaigns;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What the worker of one channel (the robot dialer, the SMS campaign sender) shares: the ACTIVE
 * campaigns of its channel in priority order, the lock of one while a tick works on it, and a first tick right after a campaign starts rather
 * than at the next scheduled one.
 */
public final class ChannelCampaigns implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChannelCampaigns.class);

    private final EntityManager em;
    private final Channel channel;
    private final ExecutorService kick;

    public ChannelCampaigns(EntityManager em, Channel channel) {
        this.em = em;
        this.channel = channel;
        String threadName = channel.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-campaign-kick";
        this.kick = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The ACTIVE campaigns of the channel, by priority; only those in {@code only} unless it is null. */
    public List<String> active(Collection<String> only) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> ids = em.createNativeQuery("select id from campaign where state = ?2"
                    + " and channel = ?1 order by priority, id").setParameter(1, channel.name())
                    .setParameter(2, CampaignState.ACTIVE.name()).getResultList();
            return only == null ? ids : ids.stream().filter(only::contains).toList();
        });
    }

    /**
     * The definition (JSON) of the campaign while it is ACTIVE on this channel, its row locked for
     * the caller's transaction; empty when it is paused, ended, or another tick holds it right now.
     */
    public java.util.Optional<String> lockActive(String campaignId) {
        @SuppressWarnings("unchecked")
        List<String> locked = em.createNativeQuery("select cast(definition as text) from campaign where id = ?1"
                        + " and state = ?2 and channel = ?3 for no key update skip locked")
                .setParameter(1, campaignId).setParameter(2, CampaignState.ACTIVE.name())
                .setParameter(3, channel.name()).getResultList();
        return locked.stream().findFirst();
    }

    /** The campaign's state now, if it is a campaign of this channel (a plain read, in the caller's transaction). */
    public java.util.Optional<CampaignState> stateOf(String campaignId) {
        @SuppressWarnings("unchecked")
        List<String> states = em.createNativeQuery("select state from campaign where id = ?1 and channel = ?2")
                .setParameter(1, campaignId).setParameter(2, channel.name()).getResultList();
        return states.stream().findFirst().map(CampaignState::valueOf);
    }

    /** A scheduled tick: nothing when the worker is switched off; a failure is logged, the next tick tries again. */
    public void scheduled(boolean enabled, Runnable tick) {
        if (!enabled) {
            return;
        }
        try {
            tick.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s campaigns: tick failed", channel);
        }
    }

    /** A campaign of this channel became ACTIVE: {@code tick} it at once, off the caller's thread. */
    public void started(CampaignStateChanged changed, boolean enabled, Consumer<List<String>> tick) {
        if (enabled && changed.channel() == channel && changed.state() == CampaignState.ACTIVE) {
            kick.submit(() -> {
                try {
                    tick.accept(List.of(changed.campaignId()));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "%s campaigns: first tick of %s failed", channel, changed.campaignId());
                }
            });
        }
    }

    @Override
    public void close() {
        kick.shutdownNow();
    }
}
