-- The robot dialer's originate slots when Redis is out of reach (robot/OriginateRateLimiter): one row per
-- Originate slot granted, per campaign, at its grant and then at its send time, kept for one rate window.
-- With Redis up the same log lives in Redis.
create table robot_originate_slot (
    campaign_id text not null,
    slot_id text not null,
    slot_at timestamptz not null
);
create index robot_originate_slot_campaign on robot_originate_slot (campaign_id, slot_at);
create index robot_originate_slot_id on robot_originate_slot (campaign_id, slot_id);
