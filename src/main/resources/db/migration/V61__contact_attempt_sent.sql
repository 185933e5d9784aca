-- False when nothing reached the customer's network: the PBX link was down when the attempt went
-- out, or Asterisk refused the Originate / MessageSend outright. Such attempts stay on record (with
-- their call or SMS and the reason) but do not count toward the frequency cap.
alter table contact_attempt add column sent boolean not null default true;
