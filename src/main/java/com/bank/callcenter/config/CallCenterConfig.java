package com.bank.callcenter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Business settings of the service; the defaults follow DOMAIN.md. */
@ConfigMapping(prefix = "callcenter")
public interface CallCenterConfig {

    /** The bank's time zone: "today", calling windows and periods are read in it. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Tiers tiers();

    Books books();

    Imports imports();

    Security security();

    Demo demo();

    Churn churn();

    Lists lists();

    Scheduler scheduler();

    Calendar calendar();

    /** The working-day calendar (see {@code calendar/WorkingDays}). */
    interface Calendar {
        /** Public holidays (YYYY-MM-DD, comma-separated): not working days, nobody is called. */
        Optional<Set<LocalDate>> holidays();

        /** Weekend days worked in exchange for holidays (调休): working days. */
        Optional<Set<LocalDate>> extraWorkingDays();
    }

    /** Scheduled jobs. */
    interface Scheduler {
        /**
         * How long after start the scheduled jobs that use Redis first run: a scheduler thread must not
         * create the Redis client while start-up does (that race failed starts with a ConcurrentModificationException).
         */
        @WithDefault("5s")
        Duration startDelay();
    }

    /**
     * The embedded default. {@code EmbeddedDefault} reads it before Quarkus starts; it is declared here so
     * that {@code -Dcallcenter.embedded.data-dir=…} is a known key and passes Quarkus' configuration check.
     */
    Embedded embedded();

    /** Target lists: the morning build and the defaults a campaign may leave out. */
    interface Lists {
        /** When ACTIVE campaigns' lists are built (in {@link #zone()}); default 07:00 on working days. */
        @WithDefault("0 0 7 ? * MON-FRI")
        String cron();

        /** Window of outflows that orders a list by OUTFLOW_AMOUNT. */
        @WithDefault("7")
        int outflowOrderDays();

        @WithDefault("20")
        int previewSample();

        /** How long one instance may hold the morning-build lock. */
        @WithDefault("PT30M")
        Duration buildLockTtl();
    }

    /**
     * The churn model: four factors in [0, 1], each with a weight; the score is their weighted
     * mean × 100. Every number here can be changed without code.
     */
    interface Churn {
        /** AUM now against the snapshot this many days earlier; outflows and lapses in this window. */
        @WithDefault("30")
        int lookbackDays();

        /** Days without contact at which that factor reaches 1. */
        @WithDefault("90")
        int contactGapDays();

        @WithDefault("40")
        int weightAumDecline();

        @WithDefault("30")
        int weightSameNameOutflow();

        @WithDefault("20")
        int weightMaturedNotRenewed();

        @WithDefault("10")
        int weightNoRecentContact();
    }

    /** Lower bounds (inclusive) of the AUM tiers, CNY. */
    interface Tiers {
        BigDecimal privateBankingFrom();

        BigDecimal wealthFrom();

        BigDecimal midHighFrom();

        BigDecimal longTailFrom();
    }

    interface Books {
        int maxCustomersPerManager();

        /** How long the cluster-wide assignment lock lives if its holder dies before releasing it. */
        @WithDefault("PT5M")
        Duration assignLockTtl();

        /** The Redis key of the assignment lock, shared by every instance of the service. */
        @WithDefault("callcenter:books:assign")
        String assignLockKey();

        /** PostgreSQL work_mem for the assignment transaction: its sorts stay in memory. */
        @WithDefault("128MB")
        String assignWorkMem();
    }

    interface Imports {
        /** How many row errors one rejected file reports at most. */
        int maxErrors();

        /** How often (rows) a running import publishes its progress. */
        int progressEveryRows();

        /** Where bodies of background imports wait until they are processed. */
        Path spoolDir();

        /** How often an instance refreshes the heartbeat of the import jobs it runs. */
        @WithDefault("PT30S")
        Duration heartbeat();

        /**
         * A QUEUED or RUNNING job whose heartbeat is older than this was left by a stopped instance and
         * is resumed (or failed) by the next instance that starts.
         */
        @WithDefault("PT2M")
        Duration staleAfter();

        /**
         * PostgreSQL work_mem of an import's transaction (e.g. "256MB"): its checks and the holdings'
         * branch totals hash every staged row, which spills to disk at the server's default.
         */
        @WithDefault("256MB")
        String workMem();

        /**
         * PostgreSQL maintenance_work_mem of an import's transaction (e.g. "256MB"): a first load builds the
         * target's indexes by sort after the rows are in, which spills to disk beyond it.
         */
        @WithDefault("256MB")
        String maintenanceWorkMem();

        /**
         * From how many rows an import into an empty table (a first load) drops that table's keys and
         * indexes inside its transaction and builds them by sort afterwards, instead of row by row.
         */
        @WithDefault("100000")
        long bulkLoadMinRows();

        /**
         * How long a first load tries to lock its empty table and the tables referring to it (all at
         * once, never waiting while holding some); after that it loads row by row instead.
         */
        @WithDefault("PT10S")
        Duration bulkLoadLockWait();
    }

    interface Security {
        int bcryptCost();

        /** Password of the first admin user outside the embedded default. */
        Optional<String> adminPassword();

        Login login();

        /** Login throttling: so many wrong passwords for one user name within the window lock that name. */
        interface Login {
            @WithDefault("5")
            int maxFailures();

            @WithDefault("PT15M")
            Duration failureWindow();
        }
    }

    interface Embedded {
        /** Embedded PostgreSQL's data folder (relative to the working directory), kept between runs. */
        @WithDefault("data/embedded-postgres")
        Path dataDir();
    }

    interface Demo {
        /** Embedded default: demo users, password = user name, demo data on first start. */
        boolean enabled();

        int customers();

        int managers();

        int branches();

        long seed();
    }
}
