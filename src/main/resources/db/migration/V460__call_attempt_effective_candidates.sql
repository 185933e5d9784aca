-- The calls that can count toward an RM's effective calls (the RM's own AGENT_CALL, answered), by
-- time, with what the count reads: the period's scores count them from this index alone (an
-- index-only scan of about half the month's calls) instead of reading every call of the month.
create index call_attempt_effective_candidates on call_attempt (queued_at)
    include (staff_id, customer_id, talk_seconds)
    where staff_id is not null and kind = 'AGENT_CALL' and handed_off_at is null and answer_at is not null;
