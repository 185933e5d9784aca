package com.bank.callcenter.desk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Every change of an RM's state reaches their desk's event stream as a {@code state} event. */
@ApplicationScoped
public class DeskStateEvents {

    private static final Logger LOG = Logger.getLogger(DeskStateEvents.class);

    private final DeskEvents events;

    public DeskStateEvents(DeskEvents events) {
        this.events = events;
    }

    void changed(@Observes AgentStateChanged changed) {
        try {
            events.send(changed.now().staffId(), "state", changed.now());
        } catch (RuntimeException e) {
            LOG.debugf("state of %s not sent to the desk: %s", changed.now().staffId(), e.getMessage());
        }
    }
}
