package com.bank.callcenter.demo;

import com.bank.callcenter.imports.ImportKind;

import java.nio.file.Path;
import java.util.Map;

/**
 * The files one generator run wrote, by kind, in the order they must be imported
 * (staff before customers, customers before holdings and transfers; {@code files} iterates in
 * that order), and how many data rows each has.
 */
public record DemoExtracts(Map<ImportKind, Path> files, Map<ImportKind, Long> rows) {

    public DemoExtracts {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
    }

    public Path file(ImportKind kind) {
        Path file = files.get(kind);
        if (file == null) {
            throw new IllegalArgumentException("no " + kind.pathName() + " extract was generated");
        }
        return file;
    }

    public long rows(ImportKind kind) {
        return rows.getOrDefault(kind, 0L);
    }
}
