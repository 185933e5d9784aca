package com.bank.callcenter.books;

import com.bank.callcenter.config.CallCenterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Automatic assignment as one set-based statement: every ACTIVE LONG_TAIL customer without a
 * manager goes to an active remote manager of their attributed branch, least-loaded first,
 * never above the capacity of a book.
 *
 * <p>Water filling: each manager offers "slots" at the book sizes they would reach
 * (load + 1, load + 2, … up to the capacity); numbering a branch's slots by (level, staff id)
 * and its waiting customers by customer id, and joining the two numbers, gives the next
 * customer always to the manager with the smallest book. The series is bounded by the level
 * the water can reach, so the slot set stays about as large as the work.
 *
 * <p>The customers are numbered once over all branches, by (branch, customer id), and a branch's
 * slots continue from the number of waiting customers of the branches before it, so the two sides
 * meet on one bigint: no string key to build and sort per row, and no join on (branch, number) that
 * a poor row estimate (staff not yet analysed after an import) could turn into a merge on the branch
 * alone filtered on the number, which is quadratic per branch. The managers' loads are counted on
 * the customer_manager index instead of grouping every customer.
 */
@ApplicationScoped
public class BookAssignment {

    static final String REASON = "automatic assignment";

    /** Locks the managers' rows first, in one order, so approvals cannot overfill a book meanwhile. */
    private static final String LOCK_MANAGERS = """
            select s.staff_id from staff s
            where s.active and s.role = 'REMOTE_MANAGER'
            order by s.staff_id
            for update""";

    static final String ASSIGN = """
            with manager as (
                select s.staff_id, s.branch_id,
                       (select count(*) from customer c where c.manager_id = s.staff_id) as load
                from staff s
                where s.active and s.role = 'REMOTE_MANAGER'
            ),
            todo as (
                select c.customer_id, row_number() over (order by c.branch_id, c.customer_id) as n, c.branch_id
                from customer c
                where c.manager_id is null and c.status = 'ACTIVE' and c.tier = 'LONG_TAIL'
            ),
            branch_todo as (
                -- a branch's customers are numbered after those of the branches before it
                select t.branch_id, count(*) as todo,
                       cast(sum(count(*)) over (order by t.branch_id) as bigint) - count(*) as numbered_before
                from todo t
                group by t.branch_id
            ),
            water_bound as (
                -- no manager of the branch can need a slot above this level
                select m.branch_id, b.todo, b.numbered_before,
                       cast(least(max(m.load) + ceil(cast(b.todo as numeric) / count(*)),
                                  min(m.load) + b.todo) as bigint) + 1 as top_level
                from manager m
                join branch_todo b on b.branch_id = m.branch_id
                group by m.branch_id, b.todo, b.numbered_before
            ),
            slot as (
                select s.staff_id, s.numbered_before + s.branch_n as n
                from (select m.staff_id, w.todo, w.numbered_before,
                             row_number() over (partition by m.branch_id order by g.level, m.staff_id) as branch_n
                      from manager m
                      join water_bound w on w.branch_id = m.branch_id
                      cross join lateral generate_series(m.load + 1, least(cast(:capacity as bigint), w.top_level))
                           as g(level)) s
                where s.branch_n <= s.todo
            ),
            assigned as (
                update customer c
                set manager_id = s.staff_id, updated_at = now()
                from todo t
                join slot s on s.n = t.n
                where c.customer_id = t.customer_id and c.manager_id is null
                returning c.customer_id, c.manager_id
            ),
            recorded as (
                insert into book_change (customer_id, from_manager_id, to_manager_id, reason, state,
                                         requested_by, requested_at, decided_by, decided_at)
                select a.customer_id, null, a.manager_id, :reason, 'APPLIED', :username, now(), :username, now()
                from assigned a
                returning 1
            )
            select count(*) as assigned,
                   (select coalesce(sum(todo), 0) from branch_todo) - count(*) as unassigned,
                   count(*) as recorded
            from recorded""";

    private final EntityManager entityManager;
    private final String workMem;

    public BookAssignment(EntityManager entityManager, CallCenterConfig config) {
        this.entityManager = entityManager;
        this.workMem = config.books().assignWorkMem();
    }

    /** Assigns in the caller's transaction and records each assignment as an applied change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AssignmentOutcome assignUnassigned(int capacity, String username) {
        // sorts of a million-customer book stay in memory instead of spilling to disk
        entityManager.createNativeQuery("select set_config('work_mem', ?1, true)")
                .setParameter(1, workMem).getSingleResult();
        entityManager.createNativeQuery(LOCK_MANAGERS).getResultList();
        Object[] counts = (Object[]) entityManager.createNativeQuery(ASSIGN)
                .setParameter("capacity", capacity)
                .setParameter("reason", REASON)
                .setParameter("username", username)
                .getSingleResult();
        return new AssignmentOutcome(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }
}
