package com.bank.callcenter.calls;

import com.bank.callcenter.telephony.Pbx;
import com.bank.callcenter.telephony.PbxEvent;
import com.bank.callcenter.telephony.PbxListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes over the calls in flight whose follower stopped (an instance restarted or died): finds them
 * in the database, asks Redis whether their follower's heartbeat is gone, claims each with a
 * conditional update of its follower (one instance wins) and hands them to the {@link CallTracker},
 * which reconciles them with the PBX. Runs when a link comes up and every
 * {@code telephony.adoption-interval}.
 */
@ApplicationScoped
@Priority(CallAdoption.AFTER_THE_OTHER_LISTENERS)
public class CallAdoption implements PbxListener {

    /**
     * Below the default priority (0) of the other listeners, as the PBX tells its listeners highest
     * priority first: on a link-up the {@link CallTracker} has to pick the calls it lost with the link
     * before this adds the adopted ones, which are lost too and would otherwise be reconciled twice.
     */
    static final int AFTER_THE_OTHER_LISTENERS = -1;

    private static final Logger LOG = Logger.getLogger(CallAdoption.class);
    private static final int FIRST_CHANNEL_ID_COLUMN = 4;
    private static final int LAST_CHANNEL_ID_COLUMN = 6;

    private final Pbx pbx;
    private final CallTracker tracker;
    private final CallFollowers followers;
    private final EntityManager em;
    private final ManagedExecutor executor;

    public CallAdoption(Pbx pbx, CallTracker tracker, CallFollowers followers, EntityManager em,
                        ManagedExecutor executor) {
        this.pbx = pbx;
        this.tracker = tracker;
        this.followers = followers;
        this.em = em;
        this.executor = executor;
    }

    @Override
    public void onEvent(PbxEvent event) {
        // events belong to the calls the tracker follows
    }

    /** Off the PBX event thread, which calls this: adoption reads and writes the database. */
    @Override
    public void onLinkUp(String server) {
        executor.runAsync(() -> {
            try {
                adoptOrphans(server);
            } catch (RuntimeException e) {
                LOG.warnf(e, "calls on %s whose follower stopped: not adopted now; the next round tries again", server);
            }
        });
    }

    /** Every so often: calls on a reachable server whose follower (another instance) stopped. */
    @Scheduled(identity = "call-adoption", every = "{telephony.adoption-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void adoptOrphansEverywhere() {
        for (String server : pbx.servers()) {
            if (pbx.isUp(server)) {
                adoptOrphans(server);
            }
        }
    }

    /**
     * Takes over the calls in flight on {@code server} whose follower stopped: claims each with a
     * conditional update of its follower (one instance wins), then has them reconciled with the PBX
     * like calls of a dropped link — still up → followed to their end; gone → UNKNOWN.
     * Returns how many calls were adopted.
     */
    public int adoptOrphans(String server) {
        Map<String, Boolean> alive = new HashMap<>(); // one question to Redis per follower, not per call
        List<OrphanedCall> orphans = QuarkusTransaction.requiringNew().call(() -> orphansOn(server)).stream()
                .filter(orphan -> !tracker.follows(orphan.callId()))
                .filter(orphan -> !alive.computeIfAbsent(String.valueOf(orphan.follower()), followers::isAlive))
                .toList();
        if (orphans.isEmpty()) {
            return 0;
        }
        List<OrphanedCall> adopted = QuarkusTransaction.requiringNew().call(() -> claim(orphans));
        tracker.followAdopted(server, adopted);
        return adopted.size();
    }

    private List<OrphanedCall> orphansOn(String server) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, customer_id, follower, recording_file, unique_id, linked_id, customer_unique_id
                        from call_attempt
                        where ami_server = ?1 and state in %s
                          and follower is distinct from ?2""".formatted(CallState.IN_FLIGHT_SQL))
                .setParameter(1, server).setParameter(2, followers.self()).getResultList();
        List<OrphanedCall> orphans = new ArrayList<>();
        for (Object[] row : rows) {
            List<String> ids = new ArrayList<>();
            for (int i = FIRST_CHANNEL_ID_COLUMN; i <= LAST_CHANNEL_ID_COLUMN; i++) {
                if (row[i] != null) {
                    ids.add((String) row[i]);
                }
            }
            orphans.add(new OrphanedCall((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], ids));
        }
        return orphans;
    }

    /**
     * The orphans this instance now follows, claimed in one statement: each only if its follower is
     * still the one that stopped (another instance may have adopted it meanwhile).
     */
    private List<OrphanedCall> claim(List<OrphanedCall> orphans) {
        Set<UUID> claimed = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update call_attempt c set follower = ?, version = c.version + 1
                    from unnest(?::uuid[], ?::text[]) as stopped(id, follower)
                    where c.id = stopped.id and coalesce(c.follower, '') = stopped.follower
                      and c.state in %s
                    returning c.id""".formatted(CallState.IN_FLIGHT_SQL))) {
                update.setString(1, followers.self());
                update.setArray(2, connection.createArrayOf("uuid",
                        orphans.stream().map(OrphanedCall::callId).toArray()));
                update.setArray(3, connection.createArrayOf("text",
                        orphans.stream().map(o -> o.follower() == null ? "" : o.follower()).toArray()));
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        });
        return orphans.stream().filter(orphan -> claimed.contains(orphan.callId())).toList();
    }
}
