package com.bank.callcenter.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL a Java source file can send: its string literals and text blocks, with comments left
 * out and literals (text blocks too) joined by {@code +} read as one string ("insert into " + "x"
 * is "insert into x").
 * Reading the source rather than the bytecode keeps the check independent of how javac folds
 * constants, and a table name only appears in SQL through a literal in this code base.
 */
final class SqlLiterals {

    private static final Pattern JOIN = Pattern.compile("\\s*\\+\\s*");

    private SqlLiterals() {
    }

    static List<String> of(String source) {
        String code = withoutComments(source);
        List<String> literals = new ArrayList<>();
        int previousEnd = -1;
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\'') { // a char literal, e.g. '"'
                i = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
                continue;
            }
            String literal;
            int next;
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                literal = code.substring(i + 3, end);
                next = end + 3;
            } else if (c == '"') {
                int end = closingQuote(code, i);
                literal = code.substring(i + 1, end);
                next = end + 1;
            } else {
                i++;
                continue;
            }
            boolean joined = previousEnd >= 0 && JOIN.matcher(code.substring(previousEnd, i)).matches();
            if (joined) { // "insert into " + "x" is one string: "insert into x"
                literals.set(literals.size() - 1, literals.get(literals.size() - 1) + literal);
            } else {
                literals.add(literal);
            }
            previousEnd = next;
            i = next;
        }
        return literals;
    }

    /** The source without its comments. */
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
        return out.toString();
    }

    private static int closingQuote(String code, int open) {
        int i = open + 1;
        while (code.charAt(i) != '"') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
