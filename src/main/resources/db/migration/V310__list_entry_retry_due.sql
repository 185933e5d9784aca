-- The desk's upkeep looks every callcenter.desk.tick for retries that became due (ListEntries.becameDueForDesk:
-- PENDING, next_attempt_at in the last few seconds). Without an index on next_attempt_at that read went
-- through every PENDING entry of the served lists — 1,000,000 of them on a full book, every 2 seconds.
-- Only entries waiting for a retry have next_attempt_at, so this index stays small.
create index list_entry_retry_due on list_entry (next_attempt_at) where state = 'PENDING' and next_attempt_at is not null;
