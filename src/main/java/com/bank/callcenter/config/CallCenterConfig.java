package com.bank.callcenter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

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
    }

    interface Security {
        int bcryptCost();

        /** Password of the first admin user outside the embedded default. */
        Optional<String> adminPassword();
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
