package com.bank.callcenter.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes rows in PostgreSQL COPY text format: tab-separated, \N for null, backslash escapes. */
final class CopyRowWriter {

    private final Writer out;
    private boolean firstField = true;

    CopyRowWriter(Writer out) {
        this.out = out;
    }

    CopyRowWriter field(Object value) {
        try {
            if (!firstField) {
                out.write('\t');
            }
            firstField = false;
            if (value == null) {
                out.write("\\N");
            } else {
                escape(value.toString());
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void endRow() {
        try {
            out.write('\n');
            firstField = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void escape(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }
}
