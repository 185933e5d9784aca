package com.bank.callcenter;

import com.bank.callcenter.embedded.EmbeddedDefault;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Without a configured database or Redis it first starts the
 * embedded default (see {@link EmbeddedDefault}), so one command runs everything.
 */
@QuarkusMain
public class CallCenterMain {

    public static void main(String... args) {
        EmbeddedDefault.startWhatIsNotConfigured();
        Quarkus.run(args);
    }
}
