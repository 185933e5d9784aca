-- The robot dialer's originate slots when Redis is out of reach (robot/OriginateRateLimiter): one row per
-- Originate granted, per campaign, kept for one rate window. With Redis up the same log lives in Redis.
create table robot_originate_slot (
    campaign_id text not null,
    granted_at timestamptz not null
);
create index robot_originate_slot_campaign on robot_originate_slot (campaign_id, granted_at);
