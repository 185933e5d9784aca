-- Calls placed through the PBX: one row per attempt (id = the CALL_ID channel variable = the
-- contact_attempt id), and what Asterisk said about it.

create table call_attempt (
    id                 uuid primary key references contact_attempt (id),
    customer_id        text not null references customer (customer_id),
    staff_id           text,
    campaign_id        text references campaign (id),
    kind               text not null check (kind in ('AGENT_CALL', 'ROBOT_CALL')),
    state              text not null check (state in ('QUEUED', 'DIALING', 'RINGING', 'ANSWERED', 'COMPLETED', 'FAILED', 'UNKNOWN')),
    outcome            text,
    ami_server         text,
    action_id          text,
    channel            text,            -- the originated channel (the RM's phone for agent-first)
    unique_id          text,            -- its Uniqueid
    linked_id          text,
    customer_channel   text,
    customer_unique_id text,
    queued_at          timestamptz not null,
    dial_at            timestamptz,
    ring_at            timestamptz,
    answer_at          timestamptz,
    end_at             timestamptz,
    talk_seconds       integer,
    hangup_cause       integer,
    hangup_cause_text  text,
    recording_file     text,
    robot_choice       text,
    reason             text,            -- why the state is UNKNOWN (or what refused the Originate)
    version            integer not null default 0,
    check (state <> 'UNKNOWN' or reason is not null),
    check (state <> 'FAILED' or outcome is not null)
);
create index call_attempt_customer on call_attempt (customer_id, queued_at);
create index call_attempt_staff on call_attempt (staff_id, queued_at);
create index call_attempt_open on call_attempt (ami_server) where state in ('QUEUED', 'DIALING', 'RINGING', 'ANSWERED');

-- Every AMI event tied to a call, as received.
create table call_event (
    id           bigserial primary key,
    call_id      uuid not null references call_attempt (id),
    received_at  timestamptz not null,
    name         text not null,
    fields       jsonb not null
);
create index call_event_call on call_event (call_id, id);
