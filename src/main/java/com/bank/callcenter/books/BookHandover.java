package com.bank.callcenter.books;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The supervisor's hand-over list: customers in the book of a manager who is no longer active,
 * and customers in a remote manager's book whose current tier is no longer LONG_TAIL. A customer
 * of an inactive manager is listed once, as {@code manager-inactive}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BookHandover {

    private static final String FROM_WHERE = """
            from customer c
            join staff s on s.staff_id = c.manager_id
            where not s.active or (s.role = 'REMOTE_MANAGER' and c.tier <> 'LONG_TAIL')""";

    private static final String PAGE = """
            select c.customer_id, c.name, c.manager_id, c.tier,
                   case when s.active then :leftLongTail else :managerInactive end
            """ + FROM_WHERE + """

            order by c.manager_id, c.customer_id
            limit :size offset :offset""";

    private final EntityManager entityManager;

    public BookHandover(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<HandoverEntry> page(int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(PAGE)
                .setParameter("leftLongTail", HandoverEntry.LEFT_LONG_TAIL)
                .setParameter("managerInactive", HandoverEntry.MANAGER_INACTIVE)
                .setParameter("size", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        return rows.stream().map(row -> new HandoverEntry((String) row[0], (String) row[1], (String) row[2],
                (String) row[3], (String) row[4])).toList();
    }

    public long count() {
        return ((Number) entityManager.createNativeQuery("select count(*) " + FROM_WHERE).getSingleResult()).longValue();
    }
}
