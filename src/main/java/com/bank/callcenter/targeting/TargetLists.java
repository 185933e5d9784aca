package com.bank.callcenter.targeting;

import com.bank.callcenter.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import com.bank.callcenter.lists.ListEntries;
import com.bank.callcenter.lists.ListEntryView;

import java.util.List;

/** Reading frozen lists and their entries. */
@ApplicationScoped
public class TargetLists {

    private final ListEntries entries;

    public TargetLists(ListEntries entries) {
        this.entries = entries;
    }

    public TargetList get(long listId) {
        TargetList list = TargetList.findById(listId);
        if (list == null) {
            throw ProblemException.notFound("list", listId);
        }
        return list;
    }

    public List<ListEntryView> entries(long listId, String onlyManager, int page, int size) {
        return entries.page(listId, onlyManager, page, size);
    }

    public long countEntries(long listId, String onlyManager) {
        return entries.count(listId, onlyManager);
    }
}
