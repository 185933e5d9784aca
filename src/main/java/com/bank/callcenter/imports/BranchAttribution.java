package com.bank.callcenter.imports;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which branch a customer is attributed to: the branch holding most of their assets, else (a tie
 * between branches, no holdings) the home branch. {@code customer.branch_id} is generated as
 * {@code coalesce(holdings_branch_id, home_branch_id)}, and {@code holdings_branch_id} holds the
 * largest branch only when it is not the home branch (V560): most customers keep most of their assets
 * at home, so a first load of holdings leaves their rows as they were instead of rewriting every
 * customer. A customers extract that moves a customer's home branch therefore attributes them again
 * ({@link #AFTER_HOME_MOVE}).
 */
final class BranchAttribution {

    /**
     * Re-attributes the customers the holdings rows of {@code source} name (a table or sub-query with
     * customer_id, branch_id and amount: a customer's complete holdings), writing only the customers
     * whose stored value changes. The totals are hash aggregates over the source, no sort.
     */
    private static final String FROM_HOLDINGS = """
            with totals as (
                select customer_id, branch_id, sum(amount) as total from %s group by customer_id, branch_id),
            largest as (
                select customer_id, max(total) as total from totals group by customer_id),
            winners as (
                select t.customer_id, case when count(*) = 1 then min(t.branch_id) end as branch_id
                from totals t join largest l on l.customer_id = t.customer_id and l.total = t.total
                group by t.customer_id)
            update customer c set holdings_branch_id = nullif(w.branch_id, c.home_branch_id)
            from winners w
            where c.customer_id = w.customer_id
              and c.holdings_branch_id is distinct from nullif(w.branch_id, c.home_branch_id)
            """;

    /**
     * The new {@code holdings_branch_id} of customer {@code c} whose home branch becomes
     * {@code newHome} (an SQL expression): a stored largest branch stays unless it is the new home;
     * null meant the old home held most (or a tie, or no holdings), which only the customer's holdings
     * tell apart, so they are summed again (one probe of {@code holding_customer_maturity}; evaluated
     * only for a customer who moves).
     */
    private static final String AFTER_HOME_MOVE = """
            case when c.home_branch_id = %1$s then c.holdings_branch_id
                 else nullif(coalesce(c.holdings_branch_id, (
                     select case when count(*) filter (where b.total = b.top) = 1
                                 then min(b.branch_id) filter (where b.total = b.top) end
                     from (select h.branch_id, sum(h.amount) as total, max(sum(h.amount)) over () as top
                           from holding h where h.customer_id = c.customer_id group by h.branch_id) b)),
                     %1$s) end""";

    private BranchAttribution() {
    }

    /** Re-attributes the customers named by {@code source}'s holdings; returns how many customer rows were written. */
    static long fromHoldings(Connection connection, String source) throws SQLException {
        return StagingSql.update(connection, FROM_HOLDINGS.formatted(source));
    }

    /** The {@code set} expression for holdings_branch_id when a customer's home branch becomes {@code newHome}. */
    static String afterHomeMove(String newHome) {
        return AFTER_HOME_MOVE.formatted(newHome);
    }
}
