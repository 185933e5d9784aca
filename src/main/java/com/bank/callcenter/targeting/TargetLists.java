package com.bank.callcenter.targeting;

import com.bank.callcenter.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Reading frozen lists and their entries. */
@ApplicationScoped
public class TargetLists {

    private final EntityManager entityManager;

    public TargetLists(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public TargetList get(long listId) {
        TargetList list = TargetList.findById(listId);
        if (list == null) {
            throw ProblemException.notFound("list", listId);
        }
        return list;
    }

    public List<ListEntryView> entries(long listId, String onlyManager, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select customer_id, reason, priority, manager_id from list_entry
                        where list_id = :list and (cast(:manager as text) is null or manager_id = :manager)
                        order by priority limit :size offset :offset""")
                .setParameter("list", listId)
                .setParameter("manager", onlyManager)
                .setParameter("size", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        return rows.stream()
                .map(r -> new ListEntryView((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3]))
                .toList();
    }

    public long countEntries(long listId, String onlyManager) {
        return ((Number) entityManager.createNativeQuery("""
                        select count(*) from list_entry
                        where list_id = :list and (cast(:manager as text) is null or manager_id = :manager)""")
                .setParameter("list", listId)
                .setParameter("manager", onlyManager)
                .getSingleResult()).longValue();
    }
}
