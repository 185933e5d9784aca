-- A closed period: its scores as they were when a supervisor closed it; later imports, calls or
-- settings no longer change them.
create table score_period (
    period      char(7) primary key,      -- YYYY-MM
    closed_at   timestamptz not null,
    closed_by   text not null,
    rows        jsonb not null            -- the ScoreRow of every RM at closing
);
