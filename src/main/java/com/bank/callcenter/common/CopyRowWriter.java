package com.bank.callcenter.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes rows in PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes.
 * A row is built in memory and written with one call: per-character writes are slow.
 */
public final class CopyRowWriter {

    private static final int ROW_CAPACITY = 256;

    private final Writer out;
    private final StringBuilder row = new StringBuilder(ROW_CAPACITY);

    public CopyRowWriter(Writer out) {
        this.out = out;
    }

    public CopyRowWriter field(Object value) {
        if (!row.isEmpty()) {
            row.append('\t');
        }
        if (value == null) {
            row.append("\\N");
        } else {
            appendEscaped(value.toString());
        }
        return this;
    }

    public void endRow() {
        row.append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.setLength(0);
    }

    /** Forgets the fields written since the last row (a row that turned out not to be written). */
    public void discardRow() {
        row.setLength(0);
    }

    private void appendEscaped(String text) {
        if (!needsEscaping(text)) {
            row.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    /** Most values have nothing to escape: they are appended whole, not char by char. */
    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
