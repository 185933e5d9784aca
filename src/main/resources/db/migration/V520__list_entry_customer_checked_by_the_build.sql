-- Issue 16: a list's entries are written by one INSERT … SELECT that reads them from the customer
-- table itself (lists/ListEntries, the only writer of list_entry), and customers are never deleted
-- (a customer leaves as CLOSED): the per-row foreign-key trigger re-read every customer the
-- statement had just read. The entry's foreign key to its list stays.
alter table list_entry drop constraint list_entry_customer_id_fkey;
