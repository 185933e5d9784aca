-- Issue 16: writing a list's 52,424 entries cost ~0.75 s more than the same rows into a bare table.
-- Three of the costs are checks of values the build never writes; they now cost nothing on a build.

-- 1. last_call_id / last_sms_id: a list build writes them null, but each foreign key still queued and
-- ran one trigger call per inserted row (EXPLAIN ANALYZE: 2 × 52,424 calls, ~0.27 s at load 15). The
-- same rule holds by triggers whose WHEN skips a null value before any call: a value set by the
-- dialer, the SMS sender or the desk (one row at a time) must name an existing call / SMS, locked
-- FOR KEY SHARE as the foreign key did; a referenced call or SMS cannot be deleted or renumbered,
-- and neither table can be truncated while an entry names one of its rows.
alter table list_entry drop constraint list_entry_last_call_id_fkey,
                       drop constraint list_entry_last_sms_id_fkey;

create function list_entry_attempts_exist() returns trigger language plpgsql as $$
begin
  if new.last_call_id is not null then
    perform 1 from call_attempt c where c.id = new.last_call_id for key share of c;
    if not found then
      raise foreign_key_violation using message = 'list_entry names a call_attempt that does not exist';
    end if;
  end if;
  if new.last_sms_id is not null then
    perform 1 from sms_message s where s.id = new.last_sms_id for key share of s;
    if not found then
      raise foreign_key_violation using message = 'list_entry names an sms_message that does not exist';
    end if;
  end if;
  return new;
end $$;

create trigger list_entry_attempts_exist_on_insert before insert on list_entry
  for each row when (new.last_call_id is not null or new.last_sms_id is not null)
  execute function list_entry_attempts_exist();

create trigger list_entry_attempts_exist_on_update before update of last_call_id, last_sms_id on list_entry
  for each row when ((new.last_call_id is not null and new.last_call_id is distinct from old.last_call_id)
                  or (new.last_sms_id is not null and new.last_sms_id is distinct from old.last_sms_id))
  execute function list_entry_attempts_exist();

-- After the row is deleted (or renumbered), as the foreign key's action: a plpgsql statement sees
-- entries committed meanwhile by a writer that held the row FOR KEY SHARE.
create function attempt_not_in_list_entry() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id then
    return null;
  end if;
  if exists (select 1 from list_entry e
             where (tg_table_name = 'call_attempt' and e.last_call_id = old.id)
                or (tg_table_name = 'sms_message' and e.last_sms_id = old.id)) then
    raise foreign_key_violation
      using message = tg_table_name || ' ' || old.id || ' is still referenced by list_entry';
  end if;
  return null;
end $$;

create trigger call_attempt_not_in_list_entry after delete or update of id on call_attempt
  for each row execute function attempt_not_in_list_entry();
create trigger sms_message_not_in_list_entry after delete or update of id on sms_message
  for each row execute function attempt_not_in_list_entry();

create function attempts_not_in_list_entry() returns trigger language plpgsql as $$
begin
  if exists (select 1 from list_entry e
             where (tg_table_name = 'call_attempt' and e.last_call_id is not null)
                or (tg_table_name = 'sms_message' and e.last_sms_id is not null)) then
    raise foreign_key_violation using message = 'cannot truncate ' || tg_table_name || ': list_entry refers to it';
  end if;
  return null;
end $$;

create trigger call_attempt_truncate_not_in_list_entry before truncate on call_attempt
  for each statement execute function attempts_not_in_list_entry();
create trigger sms_message_truncate_not_in_list_entry before truncate on sms_message
  for each statement execute function attempts_not_in_list_entry();

-- 2. V550's per-statement check of the lists: one pass over the inserted rows (their lowest and
-- highest list) instead of a sort for count(distinct) and a hash of every row for IN; a build names
-- one list, checked and locked by one probe. Rows of several lists take V550's general path.
create or replace function list_entry_lists_exist() returns trigger language plpgsql as $$
declare
  lowest bigint;
  highest bigint;
begin
  select min(list_id), max(list_id) into lowest, highest from new_entries;
  if lowest is null then
    return null;
  end if;
  if lowest = highest then
    perform 1 from target_list t where t.id = lowest for key share of t;
    if not found then
      raise foreign_key_violation using message = 'list_entry names a target_list that does not exist';
    end if;
  elsif (select count(distinct list_id) from new_entries)
     <> (select count(*) from (select 1 from target_list t where t.id in (select list_id from new_entries)
                               for key share of t) locked) then
    raise foreign_key_violation using message = 'list_entry names a target_list that does not exist';
  end if;
  return null;
end $$;

-- 3. list_entry_manager: one more index entry per written row (~0.1–0.15 s of a 52,424-entry build)
-- for one reader, an RM's page of a list (TargetListResource), which now reads the list's entries
-- through the primary key (list_id, …) and keeps the RM's: a few ms more per page of a list of
-- this size (measured: README, Benchmarks).
drop index list_entry_manager;
