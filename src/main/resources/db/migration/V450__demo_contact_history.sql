-- The embedded demo writes a month of RM call and SMS history so /scores has something to show at
-- once (demo/DemoHistory). Those attempts are marked here: demo = true, and sent = false since
-- nothing ever reached a customer, so the frequency cap, the lists and the churn model ignore them.
alter table contact_attempt add column demo boolean not null default false;
