package com.bank.callcenter.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL a Java source file can send: its string literals and text blocks, with comments left
 * out and literals joined by {@code +} read as one string ("insert into " + "x" is "insert into x").
 * Reading the source rather than the bytecode keeps the check independent of how javac folds
 * constants, and a table name only appears in SQL through a literal in this code base.
 */
final class SqlLiterals {

    private static final Pattern JOINED = Pattern.compile("\"\\s*\\+\\s*\"");

    private SqlLiterals() {
    }

    static List<String> of(String source) {
        String code = withoutComments(source);
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\'') { // a char literal, e.g. '"'
                i = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
            } else if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                literals.add(code.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"') {
                int end = closingQuote(code, i);
                literals.add(code.substring(i + 1, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Comments out, and adjacent literals joined by + merged into one. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3) + 3;
                out.append(source, i, end);
                i = end;
            } else if (source.charAt(i) == '"') {
                int end = closingQuote(source, i) + 1;
                out.append(source, i, end);
                i = end;
            } else if (source.charAt(i) == '\'') {
                int end = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? source.length() : i;
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else {
                out.append(source.charAt(i));
                i++;
            }
        }
        Matcher joined = JOINED.matcher(out);
        return joined.replaceAll("");
    }

    private static int closingQuote(String code, int open) {
        int i = open + 1;
        while (code.charAt(i) != '"') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
