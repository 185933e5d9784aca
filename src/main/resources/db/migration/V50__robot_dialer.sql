-- The robot dialer: what it keeps per list entry (attempts, when the next one is due, the last
-- call and its result, why an entry was skipped) and what the robot menu asked for.

alter table list_entry add column attempts        integer not null default 0;
alter table list_entry add column next_attempt_at timestamptz;
alter table list_entry add column claimed_at      timestamptz;
alter table list_entry add column last_call_id    uuid references call_attempt (id);
alter table list_entry add column last_outcome    text;   -- PRESSED_1 / PRESSED_2 / PRESSED_9 / NO_INPUT / a CallOutcome
alter table list_entry add column skip_reason     text;   -- do-not-call / frequency-cap / no-valid-mobile ...
create index list_entry_in_progress on list_entry (list_id) where state = 'IN_PROGRESS';

create index call_attempt_campaign on call_attempt (campaign_id, queued_at) where campaign_id is not null;

-- Press 2: the campaign's SMS was asked for; the SMS service sends it (state REQUESTED until then).
create table robot_sms_request (
    call_id       uuid primary key references call_attempt (id),
    customer_id   text not null references customer (customer_id),
    campaign_id   text references campaign (id),
    mobile        varchar(11) not null,
    template      text,
    state         text not null default 'REQUESTED',
    requested_at  timestamptz not null
);

-- Press 1: the dialplan put the customer in the team queue; the RM desk takes it from here.
create table robot_team_request (
    call_id       uuid primary key references call_attempt (id),
    customer_id   text not null references customer (customer_id),
    campaign_id   text references campaign (id),
    team_queue    text not null,
    pressed_at    timestamptz not null,
    taken_by      text,
    taken_at      timestamptz
);
