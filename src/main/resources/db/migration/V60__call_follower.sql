-- The service instance that follows each call through the PBX's events. When that instance stops
-- (its heartbeat in Redis expires), another one adopts the calls it left in flight and reconciles
-- them with the PBX instead of leaving them to the abandoned-call sweep.
alter table call_attempt add column follower text;
