-- Target lists drive from the matching holdings: a maturity window of some product types is a
-- range of this index (issue 16), not a probe per customer.
create index holding_product_maturity on holding (product_type, maturity_date) where maturity_date is not null;
-- A customer's next maturity (a list's MATURITY_DATE order, the SMS {maturityDate}) is one probe
-- here; it serves every lookup of a customer's holdings that holding_customer served.
create index holding_customer_maturity on holding (customer_id, maturity_date);
drop index holding_customer;
