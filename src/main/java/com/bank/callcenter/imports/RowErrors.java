package com.bank.callcenter.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The errors of one file, up to a cap; the file is rejected if there is any. */
final class RowErrors {

    private final int cap;
    private final List<RowError> errors = new ArrayList<>();
    private long total;

    RowErrors(int cap) {
        this.cap = cap;
    }

    void add(long line, String column, String message) {
        total++;
        if (errors.size() < cap) {
            errors.add(new RowError(line, column, message));
        }
    }

    void addAll(List<RowError> more) {
        more.forEach(e -> add(e.line(), e.column(), e.message()));
    }

    boolean any() {
        return total > 0;
    }

    boolean full() {
        return errors.size() >= cap;
    }

    long total() {
        return total;
    }

    int room() {
        return Math.max(0, cap - errors.size());
    }

    List<RowError> list() {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparingLong(RowError::line));
        return Collections.unmodifiableList(sorted);
    }
}
