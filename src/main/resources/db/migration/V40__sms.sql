-- SMS: templates (variables as {name}; the bank signature and the unsubscribe tail are added by
-- the service when sending, never stored here) and every SMS sent, one row per attempt (id = the
-- contact_attempt id; a retry is a new row).

create table sms_template (
    id          text primary key,
    name        text not null,
    body        text not null,
    active      boolean not null default true,
    updated_at  timestamptz not null default now()
);

insert into sms_template (id, name, body) values
    ('maturity-reminder', '到期提醒',
     '尊敬的{customerName}，您在{bankName}的定期存款/理财产品将于{maturityDate}到期，如需续存或了解新产品，请联系您的客户经理{managerName}。'),
    ('manager-introduction', '客户经理介绍',
     '尊敬的{customerName}，我是{bankName}您的专属客户经理{managerName}，今后将为您提供财富管理服务，欢迎随时联系我。'),
    ('callback-missed', '未接来电回访',
     '尊敬的{customerName}，您的客户经理{managerName}刚才致电未能接通，稍后将再次与您联系。');

create table sms_message (
    id              uuid primary key references contact_attempt (id),
    customer_id     text not null references customer (customer_id),
    staff_id        text,
    campaign_id     text references campaign (id),
    template_id     text references sms_template (id),
    body            text not null,       -- as sent, signature and unsubscribe tail included
    state           text not null check (state in ('QUEUED', 'SENT', 'FAILED')),
    gateway_status  text,                -- what Asterisk answered the MessageSend (Message)
    ami_server      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index sms_message_customer on sms_message (customer_id, created_at);
