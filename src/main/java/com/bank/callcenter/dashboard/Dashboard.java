package com.bank.callcenter.dashboard;

import com.bank.callcenter.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the dashboard shows, read from Redis only (plus staff names from {@link StaffDirectory}): today's
 * body for a viewer, and the check of a day's live counters against PostgreSQL's recount.
 */
@ApplicationScoped
public class Dashboard {

    private static final Logger LOG = Logger.getLogger(Dashboard.class);
    private static final int HOURS = 24;
    private static final double RATE_SCALE = 1000.0;

    /** GET /api/dashboard/check: the live counters of a day against a recount from PostgreSQL. */
    public record Check(LocalDate date, boolean matches, List<Difference> differences) {
    }

    /** One counter that differs; staffId "robot" for the robot's counters. */
    public record Difference(String staffId, String counter, long live, long recount) {
    }

    private final LiveCounters live;
    private final DashboardRebuild rebuild;
    private final DayRecount recount;
    private final StaffDirectory staff;
    private final Clock clock;

    public Dashboard(LiveCounters live, DashboardRebuild rebuild, DayRecount recount, StaffDirectory staff, Clock clock) {
        this.live = live;
        this.rebuild = rebuild;
        this.recount = recount;
        this.staff = staff;
        this.clock = clock;
    }

    /** Today as {@code viewer} sees it; 503 dashboard-unavailable while Redis is away. */
    public TodayBody today(Viewer viewer) {
        return body(snapshot(), viewer);
    }

    /** Today's counters from Redis (built from PostgreSQL first if the day never was). */
    LiveCounters.Snapshot snapshot() {
        LocalDate today = rebuild.today();
        try {
            rebuild.ensureBuilt(today);
            return live.read(today);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    static ProblemException unavailable(RuntimeException e) {
        LOG.debugf("dashboard: Redis unavailable: %s", e.getMessage());
        return new ProblemException(Status.SERVICE_UNAVAILABLE, "dashboard-unavailable",
                "the live counters are out of reach (Redis); try again shortly");
    }

    TodayBody body(LiveCounters.Snapshot snapshot, Viewer viewer) {
        Set<String> seen = new HashSet<>(snapshot.agents().keySet());
        snapshot.counters().keySet().forEach(field -> {
            CounterFields.Parsed parsed = CounterFields.parse(field);
            if (parsed != null && parsed.staffId() != null) {
                seen.add(parsed.staffId());
            }
        });
        Map<String, StaffDirectory.Member> members = staff.members(seen);
        Map<String, Long> c = snapshot.counters();
        List<TodayBody.Agent> agents = new ArrayList<>();
        long[] dialledPerHour = new long[HOURS];
        long[] answeredPerHour = new long[HOURS];
        Set<String> visible = new HashSet<>();
        for (StaffDirectory.Member rm : members.values()) {
            if (!rm.isRm() || !viewer.sees(rm) || !(rm.active() || seen.contains(rm.staffId()))) {
                continue;
            }
            String id = rm.staffId();
            visible.add(id);
            LiveCounters.AgentNow now = snapshot.agents().get(id);
            agents.add(new TodayBody.Agent(id, rm.name(), rm.branchId(), now == null ? "OFFLINE" : now.state(),
                    now == null ? null : now.since(), get(c, CounterFields.rm(id, CounterFields.DIALLED)),
                    get(c, CounterFields.rm(id, CounterFields.ANSWERED)), get(c, CounterFields.rm(id, CounterFields.EFFECTIVE)),
                    get(c, CounterFields.rm(id, CounterFields.TALK_SECONDS)), get(c, CounterFields.rm(id, CounterFields.SMS))));
            for (int hour = 0; hour < HOURS; hour++) {
                dialledPerHour[hour] += get(c, CounterFields.rmHour(id, CounterFields.DIALLED, hour));
                answeredPerHour[hour] += get(c, CounterFields.rmHour(id, CounterFields.ANSWERED, hour));
            }
        }
        agents.sort(Comparator.comparing(TodayBody.Agent::staffId));
        long dialled = agents.stream().mapToLong(TodayBody.Agent::dialled).sum();
        long answered = agents.stream().mapToLong(TodayBody.Agent::answered).sum();
        long talk = agents.stream().mapToLong(TodayBody.Agent::talkSeconds).sum();
        long inProgress = snapshot.live().values().stream().filter(visible::contains).count();
        long robotInProgress = snapshot.live().values().stream().filter(String::isEmpty).count();
        TodayBody.Totals totals = new TodayBody.Totals(dialled, answered,
                dialled == 0 ? 0 : Math.round(answered * RATE_SCALE / dialled) / RATE_SCALE,
                agents.stream().mapToLong(TodayBody.Agent::effective).sum(), talk,
                answered == 0 ? 0 : Math.round((double) talk / answered),
                agents.stream().mapToLong(TodayBody.Agent::sms).sum(), inProgress);
        TodayBody.Robot robot = new TodayBody.Robot(get(c, CounterFields.robot(CounterFields.PRESSED_1)),
                get(c, CounterFields.robot(CounterFields.PRESSED_2)), get(c, CounterFields.robot(CounterFields.PRESSED_9)),
                get(c, CounterFields.robot(CounterFields.NO_INPUT)), robotInProgress);
        List<TodayBody.Hour> hourly = new ArrayList<>(HOURS);
        for (int hour = 0; hour < HOURS; hour++) {
            hourly.add(new TodayBody.Hour(hour, dialledPerHour[hour], answeredPerHour[hour]));
        }
        return new TodayBody(snapshot.day(), clock.instant(), agents, totals, robot, hourly);
    }

    private static long get(Map<String, Long> counters, String field) {
        return counters.getOrDefault(field, 0L);
    }

    /** The day's live counters against PostgreSQL's recount, field by field. */
    public Check check(LocalDate day) {
        Map<String, Long> recounted = recount.counters(day);
        Map<String, Long> counted;
        try {
            counted = live.counters(day);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        Set<String> fields = new TreeSet<>(recounted.keySet());
        fields.addAll(counted.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String field : fields) {
            long a = get(counted, field);
            long b = get(recounted, field);
            CounterFields.Parsed parsed = CounterFields.parse(field);
            if (a != b && parsed != null) {
                differences.add(new Difference(parsed.staffId() == null ? CounterFields.ROBOT : parsed.staffId(),
                        parsed.name(), a, b));
            }
        }
        return new Check(day, differences.isEmpty(), differences);
    }

    /** POST /api/dashboard/rebuild: the day forgotten and rebuilt from PostgreSQL, then checked. */
    public Check rebuild(LocalDate date) {
        LocalDate day = date == null ? rebuild.today() : date;
        boolean done;
        try {
            done = rebuild.rebuild(day, true);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        if (!done) {
            throw ProblemException.conflict("rebuild-running", "another instance is rebuilding " + day + " right now");
        }
        return check(day);
    }
}
