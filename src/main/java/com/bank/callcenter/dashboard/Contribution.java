package com.bank.callcenter.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one call or SMS record adds to its day's counters: plain increments ({@code rm:<id>:dialled} +1)
 * and distinct members ({@code rm:<id>:effective} counts each customer once). Encoded for the Redis
 * script of {@link LiveCounters}, which takes back a record's previous contribution before adding
 * the new one, so applying the same record twice, or a corrected one, never double counts.
 */
final class Contribution {

    /** One item: a counter field and its increment, or (distinct) a field and the member counted once. */
    record Item(boolean distinct, String field, String value) {
    }

    private final List<Item> items = new ArrayList<>();

    Contribution add(String field, long increment) {
        if (increment != 0) {
            items.add(new Item(false, field, Long.toString(increment)));
        }
        return this;
    }

    Contribution distinct(String field, String member) {
        items.add(new Item(true, field, Objects.requireNonNull(member)));
        return this;
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Lines of kind TAB field TAB value; kind c (counter) or u (distinct). */
    String encoded() {
        StringBuilder text = new StringBuilder();
        for (Item item : items) {
            text.append(item.distinct() ? 'u' : 'c').append('\t').append(item.field()).append('\t')
                    .append(item.value().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }
}
