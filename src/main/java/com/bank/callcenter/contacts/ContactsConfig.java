package com.bank.callcenter.contacts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Settings of the contacts capability ({@code callcenter.contacts.*}). */
@ConfigMapping(prefix = "callcenter.contacts")
public interface ContactsConfig {

    /** Opt-outs on their way to do_not_call ({@link OptOuts}). */
    OptOutSettings optOuts();

    interface OptOutSettings {

        /**
         * How often pending opt-outs are written to do_not_call (also first after start,
         * callcenter.scheduler.start-delay); {@code off} = only when an opt-out arrives or a test drains.
         */
        @WithDefault("10s")
        String drainEvery();

        /** Folder of the local append-only file that keeps opt-outs while Redis and PostgreSQL are both out of reach. */
        @WithDefault("data/opt-outs")
        Path spoolDir();
    }
}
