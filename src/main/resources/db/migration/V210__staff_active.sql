-- Leavers and audited role changes: a login can be switched off (an inactive login cannot sign in,
-- with a password nor with its cookie), and audit entries can say what a value was before and after.
alter table app_user add column active boolean not null default true;

alter table audit_log add column before_value text;
alter table audit_log add column after_value text;
