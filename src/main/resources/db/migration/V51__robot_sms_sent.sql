-- Press 2: the SMS the customer asked for is sent by the SMS service; the request keeps its id.
alter table robot_sms_request add column sms_id uuid references sms_message (id);
alter table robot_sms_request add column failure text;
