-- The RMs' monthly score: targets and qualitative points a supervisor enters per RM and period.
create table score_target (
    period               char(7) not null,      -- YYYY-MM
    staff_id             text not null references staff (staff_id),
    customer_development numeric(18, 2),
    asset_increment      numeric(18, 2),
    key_products         numeric(18, 2),
    penetration          numeric(18, 2),
    calls                numeric(18, 2),
    sms                  numeric(18, 2),
    updated_by           text not null,
    updated_at           timestamptz not null default now(),
    primary key (period, staff_id)
);

create table score_qualitative (
    period            char(7) not null,
    staff_id          text not null references staff (staff_id),
    training          numeric(6, 2),
    daily_management  numeric(6, 2),
    updated_by        text not null,
    updated_at        timestamptz not null default now(),
    primary key (period, staff_id)
);

