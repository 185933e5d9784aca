-- An SMS whose answer from Asterisk was never recorded (the write failed, the instance died) is
-- settled UNKNOWN after stale-after, with gateway_status 'not recorded: …'; it may have gone out.
alter table sms_message drop constraint sms_message_state_check;
alter table sms_message add constraint sms_message_state_check
    check (state in ('QUEUED', 'SENT', 'FAILED', 'UNKNOWN'));
