-- Foundation: staff and logins, the customer book with dated tier snapshots, holdings,
-- transfers, the do-not-call list, import jobs, book locks and the book change history.

create table staff (
    staff_id    text primary key,
    name        text not null,
    role        text not null check (role in ('REMOTE_MANAGER', 'SUPERVISOR', 'PLANNER')),
    branch_id   text not null,
    extension   text,
    active      boolean not null default true,
    updated_at  timestamptz not null default now()
);
create index staff_branch_role on staff (branch_id, role) where active;

create table app_user (
    username       text primary key,
    password_hash  text,
    roles          text not null,
    staff_id       text references staff (staff_id),
    created_at     timestamptz not null default now()
);

-- The current state of each customer, from the newest customers extract.
-- branch_id is the attributed branch: where the largest holdings are (holdings_branch_id,
-- null for ties and for customers without holdings), else the home branch.
create table customer (
    customer_id         text primary key,
    name                text not null,
    mobile              varchar(11),
    home_branch_id      text not null,
    holdings_branch_id  text,
    branch_id           text generated always as (coalesce(holdings_branch_id, home_branch_id)) stored,
    aum                 numeric(18, 2) not null check (aum >= 0),
    tier                text not null,
    payroll             boolean not null default false,
    status              text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED', 'DECEASED')),
    manager_id          text references staff (staff_id),
    as_of               date not null,   -- the extract that last changed this row
    updated_at          timestamptz not null default now()
);
-- Few indexes on purpose: every one is maintained for each row of a daily extract.
create index customer_manager on customer (manager_id) where manager_id is not null;

-- One row per customer per customers extract: tier and AUM over time, read a day at a time.
-- Appended in date order, so a BRIN index on as_of costs almost nothing to keep; the import
-- guarantees one row per (as_of, customer_id).
create table customer_snapshot (
    as_of        date not null,
    customer_id  text not null,
    aum          numeric(18, 2) not null,
    tier         text not null
);
create index customer_snapshot_as_of on customer_snapshot using brin (as_of);

create table holding (
    holding_id     text primary key,
    customer_id    text not null references customer (customer_id),
    branch_id      text not null,
    product_type   text not null check (product_type in
                     ('TIME_DEPOSIT', 'WEALTH', 'FUND', 'INSURANCE', 'PRECIOUS_METAL', 'CURRENT_DEPOSIT')),
    amount         numeric(18, 2) not null check (amount >= 0),
    maturity_date  date,
    as_of          date not null,
    check (maturity_date is not null or product_type not in ('TIME_DEPOSIT', 'WEALTH'))
);
create index holding_customer on holding (customer_id);
create index holding_maturity on holding (maturity_date) where maturity_date is not null;

create table transfer (
    transfer_id        text primary key,
    customer_id        text not null references customer (customer_id),
    occurred_at        timestamptz not null,
    amount             numeric(18, 2) not null check (amount >= 0),
    direction          text not null check (direction in ('IN', 'OUT')),
    counterparty_bank  text,
    same_name          boolean not null default false,
    as_of              date not null
);
create index transfer_customer_time on transfer (customer_id, occurred_at);
create index transfer_outflow on transfer (occurred_at) where direction = 'OUT' and same_name;

-- Do-not-call: from the bank's list (no expiry) and from opt-outs (held at least 6 months).
create table do_not_call (
    mobile      varchar(11) primary key,
    reason      text,
    source      text not null,
    added_at    timestamptz not null default now(),
    expires_at  timestamptz
);

create table import_job (
    id            uuid primary key,
    kind          text not null,
    as_of         date not null,
    state         text not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by  text not null,
    bytes_total   bigint,
    bytes_read    bigint not null default 0,
    rows_read     bigint not null default 0,
    accepted      bigint,
    rejected      bigint,
    problem       jsonb,
    started_at    timestamptz not null default now(),
    finished_at   timestamptz
);

-- A locked period freezes the books: changes go through approved change requests.
create table book_lock (
    period     char(7) primary key,
    locked_by  text not null,
    locked_at  timestamptz not null default now()
);

-- Every change of a customer's manager: who asked, who approved, when and why. A history: no
-- foreign key, so recording a million assignments costs no million key checks.
create table book_change (
    id               bigserial primary key,
    customer_id      text not null,
    from_manager_id  text,
    to_manager_id    text,
    reason           text not null,
    state            text not null check (state in ('PENDING', 'APPLIED', 'REJECTED')),
    requested_by     text not null,
    requested_at     timestamptz not null default now(),
    decided_by       text,
    decided_at       timestamptz
);
create index book_change_customer on book_change (customer_id);
create index book_change_pending on book_change (requested_at) where state = 'PENDING';

-- Who looked at which customer's data, and when.
create table audit_log (
    id        bigserial primary key,
    at        timestamptz not null default now(),
    username  text not null,
    action    text not null,
    subject   text not null
);
create index audit_log_subject on audit_log (subject, at);
