package com.bank.callcenter.targeting.rule;

/** A rule that cannot be evaluated, naming the field at fault (e.g. rule.all[1].holding.types). */
public class RuleException extends RuntimeException {

    private final String field;

    public RuleException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
