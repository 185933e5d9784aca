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
 * <p>(branch, number) is joined as ONE key, "branch/n": with two keys and a poor row estimate
 * (staff not yet analysed after an import) PostgreSQL merged on the branch alone and filtered
 * on the number, which is quadratic per branch; one key leaves it a hash or merge join.
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

    private static final String ASSIGN = """
            with manager as (
                select s.staff_id, s.branch_id, count(c.customer_id) as load
                from staff s
                left join customer c on c.manager_id = s.staff_id
                where s.active and s.role = 'REMOTE_MANAGER'
                group by s.staff_id, s.branch_id
            ),
            todo as (
                select c.customer_id, c.branch_id,
                       c.branch_id || '/' || row_number() over (partition by c.branch_id order by c.customer_id) as slot_key
                from customer c
                where c.manager_id is null and c.status = 'ACTIVE' and c.tier = 'LONG_TAIL'
            ),
            branch_todo as (
                select t.branch_id, count(*) as todo from todo t group by t.branch_id
            ),
            water_bound as (
                -- no manager of the branch can need a slot above this level
                select m.branch_id,
                       cast(least(max(m.load) + ceil(cast(b.todo as numeric) / count(*)),
                                  min(m.load) + b.todo) as bigint) + 1 as top_level
                from manager m
                join branch_todo b on b.branch_id = m.branch_id
                group by m.branch_id, b.todo
            ),
            slot as (
                select m.staff_id,
                       m.branch_id || '/' || row_number() over (partition by m.branch_id order by g.level, m.staff_id) as slot_key
                from manager m
                join water_bound w on w.branch_id = m.branch_id
                cross join lateral generate_series(m.load + 1, least(cast(:capacity as bigint), w.top_level)) as g(level)
            ),
            assigned as (
                update customer c
                set manager_id = s.staff_id, updated_at = now()
                from todo t
                join slot s on s.slot_key = t.slot_key
                where c.customer_id = t.customer_id and c.manager_id is null
                returning c.customer_id, c.manager_id
            ),
            recorded as (
                insert into book_change (customer_id, from_manager_id, to_manager_id, reason, state,
                                         requested_by, requested_at, decided_by, decided_at)
                select a.customer_id, null, a.manager_id, :reason, 'APPLIED', :username, now(), :username, now()
                from assigned a
                returning id
            )
            select (select count(*) from assigned) as assigned,
                   (select count(*) from todo) - (select count(*) from assigned) as unassigned,
                   (select count(*) from recorded) as recorded""";

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
