package com.bank.callcenter.telephony.sim;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The queues of the simulated PBX's queues.conf (by name); a restart starts them empty (persistentmembers = no). */
final class SimulatedQueues {

    private final Set<String> names;
    private final Map<String, SimulatedQueue> queues = new ConcurrentHashMap<>();

    SimulatedQueues(Set<String> names) {
        this.names = Set.copyOf(names);
        restart();
    }

    Optional<SimulatedQueue> queue(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(queues.get(name));
    }

    Iterable<SimulatedQueue> all() {
        return queues.values();
    }

    /** Asterisk started again: no member, counters at 0. */
    void restart() {
        queues.clear();
        names.forEach(name -> queues.put(name, new SimulatedQueue(name)));
    }
}
