package com.bank.callcenter.campaigns.rule;

import com.bank.callcenter.common.ProblemException;

import java.util.Map;

/**
 * A rule that cannot be evaluated, naming the field at fault (e.g. rule.all[1].holding.types):
 * a 400 "bad-rule" problem with a {@code field} member.
 */
public class RuleException extends ProblemException {

    public static final String CODE = "bad-rule";
    private static final int BAD_REQUEST = 400;

    private final String field;

    public RuleException(String field, String message) {
        super(BAD_REQUEST, CODE, field + ": " + message, Map.of("field", field));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
