-- Issue 16: customer.holdings_branch_id now names the branch holding most of a customer's assets
-- only when that branch is not the home branch; null when the home branch holds most, on a tie
-- between branches and without holdings. branch_id (coalesce(holdings_branch_id, home_branch_id))
-- is unchanged by this: it still is the branch with the largest holdings, else the home branch. Most
-- customers keep most of their assets at home, so a first load of holdings no longer rewrites every
-- customer row (1M non-HOT updates, 34-47 s) but only those attributed elsewhere. A customers extract
-- that moves a home branch attributes the customer again (imports/BranchAttribution). Rows written
-- before this version may still hold their home branch here, which means the same; the next holdings
-- import naming the customer clears it.
comment on column customer.holdings_branch_id is
    'branch holding most of the customer''s assets when it is not the home branch; null when the home branch holds most, on a tie, without holdings';
