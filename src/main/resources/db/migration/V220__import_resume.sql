-- Background imports survive a restart (imports/ImportResumption).
-- spool_file / charset / forced: what is needed to run a background import again from its spooled body.
-- owner / heartbeat_at: the instance running (or about to run) the job refreshes heartbeat_at while it
-- does; a QUEUED or RUNNING job whose heartbeat is older than callcenter.imports.stale-after (or absent:
-- jobs from before this migration) was left by an instance that stopped and may be claimed by another.
alter table import_job
    add column spool_file   text,
    add column charset      text,
    add column forced       boolean not null default false,
    add column owner        text,
    add column heartbeat_at timestamptz;
create index import_job_unfinished on import_job (heartbeat_at) where state in ('QUEUED', 'RUNNING');

-- The audit trail says more than who / what / which: e.g. why a stale extract was forced.
alter table audit_log add column if not exists details text;
create index audit_log_at on audit_log (at);
