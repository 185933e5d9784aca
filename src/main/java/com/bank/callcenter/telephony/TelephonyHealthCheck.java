package com.bank.callcenter.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while at least one PBX link is logged in; lists every server's link state. */
@Readiness
@ApplicationScoped
public class TelephonyHealthCheck implements HealthCheck {

    private final Pbx pbx;

    public TelephonyHealthCheck(Pbx pbx) {
        this.pbx = pbx;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("telephony");
        boolean anyUp = false;
        for (String server : pbx.servers()) {
            boolean up = pbx.isUp(server);
            anyUp |= up;
            response.withData(server, up ? "UP" : "DOWN");
        }
        return response.status(anyUp).build();
    }
}
