package com.bank.callcenter.calls;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One call through the PBX; its id is the CALL_ID channel variable and the contact attempt's id. */
@Entity
@Table(name = "call_attempt")
public class CallAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "staff_id")
    public String staffId;

    @Column(name = "campaign_id")
    public String campaignId;

    @Enumerated(EnumType.STRING)
    public CallKind kind;

    @Enumerated(EnumType.STRING)
    public CallState state;

    @Enumerated(EnumType.STRING)
    public CallOutcome outcome;

    @Column(name = "ami_server")
    public String amiServer;

    /** The service instance that follows the call (see {@link CallFollowers}). */
    public String follower;

    @Column(name = "action_id")
    public String actionId;

    public String channel;

    @Column(name = "unique_id")
    public String uniqueId;

    @Column(name = "linked_id")
    public String linkedId;

    @Column(name = "customer_channel")
    public String customerChannel;

    @Column(name = "customer_unique_id")
    public String customerUniqueId;

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "dial_at")
    public Instant dialAt;

    @Column(name = "ring_at")
    public Instant ringAt;

    @Column(name = "answer_at")
    public Instant answerAt;

    @Column(name = "end_at")
    public Instant endAt;

    @Column(name = "talk_seconds")
    public Integer talkSeconds;

    @Column(name = "hangup_cause")
    public Integer hangupCause;

    @Column(name = "hangup_cause_text")
    public String hangupCauseText;

    @Column(name = "recording_file")
    public String recordingFile;

    @Column(name = "robot_choice")
    public String robotChoice;

    public String reason;

    /** The desk entry (list_entry.id) or callback the call was made for. */
    @Column(name = "entry_id")
    public Long entryId;

    @Column(name = "callback_id")
    public Long callbackId;

    /** A robot call the customer took to an RM (press 1): when the RM's phone was connected. */
    @Column(name = "handed_off_at")
    public Instant handedOffAt;

    /** What the RM recorded: a {@code Disposition} code, with its note and the product sold. */
    public String disposition;

    @Column(name = "disposition_note")
    public String dispositionNote;

    @Column(name = "product_code")
    public String productCode;

    @Column(name = "dispositioned_at")
    public Instant dispositionedAt;

    @Version
    public int version;

    /** Moves to {@code next} when {@link CallState} allows it; false (and no change) otherwise. */
    public boolean moveTo(CallState next) {
        if (!state.canMoveTo(next)) {
            return false;
        }
        state = next;
        return true;
    }

    public void dialing(Instant at) {
        if (moveTo(CallState.DIALING)) {
            dialAt = at;
        }
    }

    public void ringing(Instant at) {
        if (moveTo(CallState.RINGING)) {
            ringAt = at;
        }
    }

    public void answered(Instant at, String recording) {
        if (moveTo(CallState.ANSWERED)) {
            answerAt = at;
            recordingFile = recording;
        }
    }

    public void completed(Instant at) {
        if (moveTo(CallState.COMPLETED)) {
            outcome = CallOutcome.ANSWERED;
            endAt = at;
            if (talkSeconds == null) {
                talkSeconds = secondsBetween(answerAt, at);
            }
        }
    }

    public void failed(CallOutcome why, Instant at) {
        if (moveTo(CallState.FAILED)) {
            outcome = why;
            endAt = at;
        }
    }

    public void unknown(String why, Instant at) {
        if (moveTo(CallState.UNKNOWN)) {
            reason = why;
            endAt = at;
        }
    }

    /** A robot call's customer reached the RM {@code staffId} through the team queue. */
    public void handedOffTo(String staffId, Instant at) {
        this.staffId = staffId;
        if (handedOffAt == null) {
            handedOffAt = at;
        }
    }

    /** Whole seconds, rounded up: a call that was answered lasted at least a second. */
    static Integer secondsBetween(Instant from, Instant to) {
        if (from == null || to == null) {
            return null;
        }
        long millis = Math.max(0, Duration.between(from, to).toMillis());
        return (int) ((millis + 999) / 1000);
    }
}
