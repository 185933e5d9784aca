-- SMS campaigns (sms/SmsCampaignSender): a list entry keeps the SMS of its latest attempt (each
-- attempt is its own sms_message row; a retry is a new row), and the sender counts a campaign's
-- SMS of the last second for its rate limit.

alter table list_entry add column last_sms_id uuid references sms_message (id);

create index sms_message_campaign on sms_message (campaign_id, created_at) where campaign_id is not null;
