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
 * ({@link #afterHomeMove}).
 */
final class BranchAttribution {

    /** A temporary table of each named customer's largest branch (null on a tie), dropped once the customers are written. */
    private static final String WINNERS = "branch_winners";

    /**
     * Each customer's largest branch, from the holdings rows of {@code source} (a table with customer_id,
     * branch_id and amount: a customer's complete holdings), null on a tie: the branch totals, then one
     * sort of them per customer, largest first (a tie is a second branch with the same total). The totals
     * are summed in fen as bigint (exact: amounts carry two decimals), whose hash table holds 1.4M
     * (customer, branch) groups in about half the memory of numeric sums, within the import's work_mem;
     * the sort compares customer ids byte by byte ({@code collate "C"}: only equal ids need to meet, and
     * the database's collation would compare through the C library). Against a join of the totals to
     * each customer's largest total: 9.2–9.5 s instead of 12.0–13.1 s for 3M holdings, same winners.
     */
    private static final String LARGEST_BRANCHES = """
            create temp table %s on commit drop as
            select customer_id, case when next_total is distinct from total then branch_id end as branch_id
            from (select customer_id, branch_id, total,
                         row_number() over per_customer as place, lead(total) over per_customer as next_total
                  from (select customer_id, branch_id, sum((amount * 100)::bigint) as total
                        from %s group by customer_id, branch_id) totals
                  window per_customer as (partition by customer_id collate "C" order by total desc)) ranked
            where place = 1""";

    /**
     * Writes only the customers whose stored value changes. The winners are a table with statistics
     * so that a million of them are joined to customer by hash, not probed one by one in its key (a
     * CTE's row count is a guess of 200).
     */
    private static final String UPDATE = """
            update customer c set holdings_branch_id = nullif(w.branch_id, c.home_branch_id)
            from %s w
            where c.customer_id = w.customer_id
              and c.holdings_branch_id is distinct from nullif(w.branch_id, c.home_branch_id)""";

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

    /**
     * Re-attributes the customers named by {@code source}'s holdings (their complete holdings); returns
     * how many customer rows were written.
     */
    static long fromHoldings(Connection connection, String source) throws SQLException {
        StagingSql.execute(connection, LARGEST_BRANCHES.formatted(WINNERS, source));
        StagingSql.execute(connection, "analyze " + WINNERS);
        long written = StagingSql.update(connection, UPDATE.formatted(WINNERS));
        StagingSql.execute(connection, "drop table " + WINNERS);
        return written;
    }

    /** The {@code set} expression for holdings_branch_id when a customer's home branch becomes {@code newHome}. */
    static String afterHomeMove(String newHome) {
        return AFTER_HOME_MOVE.formatted(newHome);
    }
}
