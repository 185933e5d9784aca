package com.bank.callcenter.imports;

/** One reason a row was rejected: its line in the file (1 = header), the column, and why. */
public record RowError(long line, String column, String message) {
}
