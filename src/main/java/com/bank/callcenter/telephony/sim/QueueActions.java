package com.bank.callcenter.telephony.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** QueueAdd, QueuePause, QueueRemove and QueueStatus, answered as Asterisk 22's app_queue answers them. */
final class QueueActions {

    /** What Asterisk's ast_true() accepts as yes. */
    private static final Set<String> TRUE_WORDS = Set.of("yes", "true", "y", "t", "1", "on");

    private final CallEngine engine;
    private final AmiSession session;

    QueueActions(CallEngine engine, AmiSession session) {
        this.engine = engine;
        this.session = session;
    }

    /** False when {@code action} is no queue action. */
    boolean handle(String action, AmiMessage message, String actionId) {
        switch (action.toLowerCase(Locale.ROOT)) {
            case "queueadd" -> add(message, actionId);
            case "queuepause" -> pause(message, actionId);
            case "queueremove" -> remove(message, actionId);
            case "queuestatus" -> status(message.get("Queue"), actionId);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void add(AmiMessage message, String actionId) {
        String queueName = message.get("Queue");
        String memberInterface = message.get("Interface");
        // not in the recordings: the texts of manager_add_queue_member
        if (isBlank(queueName)) {
            session.sendResponse(AmiResponses.error(actionId, "'Queue' not specified."));
            return;
        }
        if (isBlank(memberInterface)) {
            session.sendResponse(AmiResponses.error(actionId, "'Interface' not specified."));
            return;
        }
        Optional<SimulatedQueue> queue = engine.queues().queue(queueName);
        if (queue.isEmpty()) {
            session.sendResponse(AmiResponses.error(actionId, "Unable to add interface to queue: No such queue"));
            return;
        }
        String memberName = isBlank(message.get("MemberName")) ? memberInterface : message.get("MemberName");
        String stateInterface = isBlank(message.get("StateInterface")) ? memberInterface : message.get("StateInterface");
        long now = engine.clock().nowSeconds();
        QueueMember member = new QueueMember(memberInterface, memberName, stateInterface, now);
        if (isTrue(message.get("Paused"))) {
            member.pause(true, message.get("Reason"), now);
        }
        if (queue.get().add(member).isEmpty()) {
            session.sendResponse(AmiResponses.error(actionId, "Unable to add interface: Already there"));
            return;
        }
        session.sendResponse(AmiResponses.success(actionId, "Added interface to queue"));
        engine.broadcast(QueueEvents.member("QueueMemberAdded", queueName, member.state()));
    }

    /** Without a Queue, the member is paused in every queue it is in. */
    private void pause(AmiMessage message, String actionId) {
        String memberInterface = message.get("Interface");
        if (isBlank(memberInterface)) {
            session.sendResponse(AmiResponses.error(actionId, "Need 'Interface' parameter."));
            return;
        }
        boolean paused = isTrue(message.get("Paused"));
        String queueName = message.get("Queue");
        List<SimulatedQueue> queues = new ArrayList<>();
        if (isBlank(queueName)) {
            engine.queues().all().forEach(queues::add);
        } else {
            engine.queues().queue(queueName).ifPresent(queues::add);
        }
        long now = engine.clock().nowSeconds();
        List<AmiEvent> events = new ArrayList<>();
        for (SimulatedQueue queue : queues) {
            queue.member(memberInterface).ifPresent(member -> {
                member.pause(paused, message.get("Reason"), now);
                events.add(QueueEvents.member("QueueMemberPause", queue.name(), member.state()));
            });
        }
        if (events.isEmpty()) {
            session.sendResponse(AmiResponses.error(actionId, "Interface not found"));
            return;
        }
        session.sendResponse(AmiResponses.success(actionId,
                paused ? "Interface paused successfully" : "Interface unpaused successfully"));
        events.forEach(engine::broadcast);
    }

    private void remove(AmiMessage message, String actionId) {
        String queueName = message.get("Queue");
        String memberInterface = message.get("Interface");
        if (isBlank(queueName) || isBlank(memberInterface)) {
            session.sendResponse(AmiResponses.error(actionId, "Need 'Queue' and 'Interface' parameters."));
            return;
        }
        Optional<SimulatedQueue> queue = engine.queues().queue(queueName);
        if (queue.isEmpty()) {
            session.sendResponse(AmiResponses.error(actionId, "Unable to remove interface from queue: No such queue"));
            return;
        }
        Optional<QueueMember> removed = queue.get().remove(memberInterface);
        if (removed.isEmpty()) {
            session.sendResponse(AmiResponses.error(actionId, "Unable to remove interface: Not there"));
            return;
        }
        session.sendResponse(AmiResponses.success(actionId, "Removed interface from queue"));
        engine.broadcast(QueueEvents.member("QueueMemberRemoved", queueName, removed.get().state()));
    }

    /** Every queue without a Queue; an unknown one lists nothing (ListItems 0). */
    private void status(String queueName, String actionId) {
        List<SimulatedQueue> queues = new ArrayList<>();
        if (isBlank(queueName)) {
            engine.queues().all().forEach(queues::add);
        } else {
            engine.queues().queue(queueName).ifPresent(queues::add);
        }
        List<AmiMessage> reply = new ArrayList<>();
        reply.add(AmiResponses.response("Success", actionId).add("EventList", "start")
                .add("Message", "Queue status will follow"));
        long now = engine.clock().nowMs();
        for (SimulatedQueue queue : queues) {
            reply.add(QueueEvents.params(queue.params(), actionId));
            for (QueueMember member : queue.members()) {
                reply.add(QueueEvents.statusMember(queue.name(), member.state(), actionId));
            }
            int position = 0;
            for (SimulatedQueue.Caller caller : queue.waiting()) {
                position++;
                long waitSeconds = Math.max(0, (now - caller.joinedAtMs()) / 1000);
                reply.add(QueueEvents.entry(queue.name(), position, caller.channel(), waitSeconds, actionId));
            }
        }
        reply.add(QueueEvents.complete(reply.size() - 1, actionId));
        session.sendAll(reply);
    }

    static boolean isTrue(String value) {
        return value != null && TRUE_WORDS.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
