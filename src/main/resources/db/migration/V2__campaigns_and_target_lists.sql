-- Campaigns, frozen target lists, and the contact history that lists and dialers respect.

create table campaign (
    id           text primary key,            -- a slug: maturing-retention
    name         text not null,
    channel      text not null check (channel in ('AGENT_CALL', 'ROBOT_CALL', 'SMS')),
    state        text not null check (state in ('DRAFT', 'ACTIVE', 'PAUSED', 'ENDED')),
    priority     integer not null,            -- lower first when campaigns compete for a customer
    definition   jsonb not null,              -- the whole definition as the planner wrote it
    source       text not null check (source in ('FILE', 'API')),
    source_file  text,
    version      integer not null default 1,
    updated_by   text not null,
    updated_at   timestamptz not null default now()
);

-- A list is built once per campaign and date and never changes afterwards.
create table target_list (
    id                  bigserial primary key,
    campaign_id         text not null references campaign (id),
    as_of               date not null,
    campaign_version    integer not null,
    size                integer not null,
    excluded            jsonb not null,        -- {"doNotCall": n, ...}: how many each exclusion removed
    build_millis        bigint not null,
    built_by            text not null,
    built_at            timestamptz not null default now(),
    unique (campaign_id, as_of)
);

-- What the RM's queue (agent calls) and the dialer / SMS sender (robot calls, SMS) work from.
create table list_entry (
    list_id      bigint not null references target_list (id),
    customer_id  text not null references customer (customer_id),
    priority     integer not null,            -- 1 = first
    reason       text not null,
    manager_id   text,
    state        text not null default 'PENDING'
                 check (state in ('PENDING', 'IN_PROGRESS', 'DONE', 'SKIPPED')),
    primary key (list_id, customer_id)
);
create index list_entry_manager on list_entry (manager_id, list_id) where manager_id is not null;
create index list_entry_pending on list_entry (list_id, priority) where state = 'PENDING';

create table complaint (
    id           bigserial primary key,
    customer_id  text not null references customer (customer_id),
    opened_at    timestamptz not null default now(),
    closed_at    timestamptz,
    summary      text
);
create index complaint_open on complaint (customer_id) where closed_at is null;

-- Every contact attempt, call or SMS, of any channel: the frequency cap and "days since last
-- contact" read it; telephony writes it (one row per attempt; a retry is a new row).
create table contact_attempt (
    id           uuid primary key,
    customer_id  text not null references customer (customer_id),
    campaign_id  text references campaign (id),
    list_id      bigint references target_list (id),
    channel      text not null check (channel in ('AGENT_CALL', 'ROBOT_CALL', 'SMS')),
    marketing    boolean not null default true,
    staff_id     text,
    created_at   timestamptz not null default now()
);
create index contact_attempt_customer on contact_attempt (customer_id, created_at);
create index contact_attempt_recent on contact_attempt (created_at);
