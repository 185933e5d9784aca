package com.bank.callcenter.targeting;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.common.ClusterLock;
import com.bank.callcenter.config.CallCenterConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every working morning, builds the list of every ACTIVE campaign. One instance of the service
 * does it (a Redis lock), a failing campaign is logged and reported without stopping the others,
 * and the unique (campaign, date) key means no list is ever built twice.
 */
@ApplicationScoped
public class MorningListBuild {

    private static final Logger LOG = Logger.getLogger(MorningListBuild.class);
    static final String BUILT_BY = "scheduler";
    private static final String LOCK_PREFIX = "callcenter:lists:morning:";

    /** What one run did, campaign by campaign. */
    public record Report(LocalDate asOf, Instant startedAt, boolean ran, List<Outcome> campaigns) {
    }

    public record Outcome(String campaignId, boolean built, Long listId, Integer size, boolean alreadyBuilt,
                          String error) {
    }

    private final ListBuilder builder;
    private final ClusterLock lock;
    private final CallCenterConfig config;
    private volatile Report last;

    public MorningListBuild(ListBuilder builder, ClusterLock lock, CallCenterConfig config) {
        this.builder = builder;
        this.lock = lock;
        this.config = config;
    }

    @Scheduled(identity = "morning-list-build", cron = "{callcenter.lists.cron}", timeZone = "{callcenter.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        buildAll(LocalDate.now(config.zone()));
    }

    public Report buildAll(LocalDate asOf) {
        Instant started = Instant.now();
        Optional<ClusterLock.Held> held = lock.tryAcquire(LOCK_PREFIX + asOf, config.lists().buildLockTtl());
        if (held.isEmpty()) {
            LOG.infof("morning list build for %s: another instance is building", asOf);
            return new Report(asOf, started, false, List.of());
        }
        try (ClusterLock.Held ignored = held.get()) {
            List<Outcome> outcomes = new ArrayList<>();
            List<Campaign> campaigns = new ArrayList<>(QuarkusTransaction.requiringNew().call(Campaign::active));
            campaigns.sort(Comparator.comparingInt((Campaign c) -> c.priority).thenComparing(c -> c.id));
            for (Campaign campaign : campaigns) {
                outcomes.add(buildOne(campaign, asOf));
            }
            Report report = new Report(asOf, started, true, List.copyOf(outcomes));
            long failed = outcomes.stream().filter(o -> !o.built()).count();
            LOG.infof("morning list build for %s: %d campaigns, %d failed", asOf, outcomes.size(), failed);
            last = report;
            return report;
        }
    }

    /** The last run of this instance, if any. */
    public Optional<Report> last() {
        return Optional.ofNullable(last);
    }

    private Outcome buildOne(Campaign campaign, LocalDate asOf) {
        try {
            ListBuilder.Built built = builder.build(campaign, asOf, BUILT_BY);
            return new Outcome(campaign.id, true, built.listId(), built.size(), built.alreadyBuilt(), null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "morning list build: campaign %s failed for %s", campaign.id, asOf);
            return new Outcome(campaign.id, false, null, null, false, e.getMessage());
        }
    }
}
