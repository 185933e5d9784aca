-- The records behind each RM's row of a closed period, kept when it was closed, so that the
-- explanation of a frozen score stays the explanation it had (later imports, calls or settings
-- would otherwise change the counted calls, sales or customers shown beside unchanged points).
create table score_period_record (
    period      char(7) not null references score_period (period),
    staff_id    text not null,
    records     jsonb not null,         -- ScoreRecords.Records at closing
    primary key (period, staff_id)
);
