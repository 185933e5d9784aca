-- Target lists drive from the matching holdings (issue 16): a maturity window of some product
-- types is one range of this index, and what a list reads of those holdings (the customer, the
-- reason's amount, the tie-break) is in it too, so the range is read without visiting the table.
create index holding_product_maturity on holding (product_type, maturity_date)
    include (customer_id, amount, holding_id) where maturity_date is not null;
-- A customer's next maturity (a list's MATURITY_DATE order, the SMS {maturityDate}) is one probe
-- here; it serves every lookup of a customer's holdings that holding_customer served.
create index holding_customer_maturity on holding (customer_id, maturity_date);
drop index holding_customer;
