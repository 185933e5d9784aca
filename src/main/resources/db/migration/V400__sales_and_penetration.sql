-- Sales and product penetration, imported from the bank's extracts (kinds "sales" and "penetration").

-- One sale of a product by a member of staff; a later extract with the same sale_id updates it.
create table sale (
    sale_id       text primary key,
    customer_id   text not null references customer (customer_id),
    staff_id      text not null references staff (staff_id),
    product_code  varchar(64) not null check (product_code <> ''),
    product_type  text not null check (product_type in
                      ('TIME_DEPOSIT', 'WEALTH', 'FUND', 'INSURANCE', 'PRECIOUS_METAL', 'CURRENT_DEPOSIT')),
    amount        numeric(18, 2) not null check (amount >= 0),
    sold_on       date not null,
    as_of         date not null,   -- the extract that last changed this row
    imported_at   timestamptz not null default now()
);
create index sale_staff_sold_on on sale (staff_id, sold_on);
create index sale_customer on sale (customer_id);

-- A customer acquires a product once; a later extract with the same pair updates acquired_on.
create table penetration (
    customer_id  text not null references customer (customer_id),
    product      text not null check (product in
                     ('MOBILE_BANKING', 'CREDIT_CARD', 'DEBIT_CARD', 'WECOM', 'PAYROLL_AGREEMENT')),
    acquired_on  date not null,
    as_of        date not null,   -- the extract that last changed this row
    primary key (customer_id, product)
);
create index penetration_acquired_on on penetration (acquired_on);
