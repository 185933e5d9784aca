package com.bank.callcenter.campaigns.rule;

import com.bank.callcenter.customers.Tier;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a rule tree from JSON or YAML (both arrive as a Jackson tree). Unknown fields and
 * impossible values are errors that name the field, so a planner can find the mistake.
 */
public final class RuleParser {

    private static final Set<String> PRODUCT_TYPES = Set.of(
            "TIME_DEPOSIT", "WEALTH", "FUND", "INSURANCE", "PRECIOUS_METAL", "CURRENT_DEPOSIT");
    private static final int MAX_DAYS = 3660;
    private static final String LAST_MONTH_END = "LAST_MONTH_END";

    private final Map<String, BiFunction<JsonNode, String, Rule>> conditions = Map.ofEntries(
            Map.entry("all", (node, path) -> new Rule.All(list(node, path))),
            Map.entry("any", (node, path) -> new Rule.Any(list(node, path))),
            Map.entry("not", (node, path) -> new Rule.Not(parse(node, path))),
            Map.entry("tier", this::tier),
            Map.entry("aum", this::aum),
            Map.entry("branch", (node, path) -> new Rule.BranchIn(strings(node, path))),
            Map.entry("manager", this::manager),
            Map.entry("payroll", (node, path) -> new Rule.Payroll(bool(node, path))),
            Map.entry("holding", this::holding),
            Map.entry("outflow", this::outflow),
            Map.entry("tierChange", this::tierChange),
            Map.entry("daysSinceLastContact", (node, path) -> {
                fields(node, path, "min");
                return new Rule.DaysSinceLastContact(days(required(node, "min", path), path + ".min"));
            }),
            Map.entry("churnScore", (node, path) -> {
                fields(node, path, "min");
                BigDecimal min = number(required(node, "min", path), path + ".min");
                if (min.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new RuleException(path + ".min", "a churn score is between 0 and 100");
                }
                return new Rule.ChurnScore(min);
            }));

    /** @param path where the rule sits in its document, e.g. "rule" */
    public Rule parse(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new RuleException(path, "a rule is required");
        }
        if (!node.isObject() || node.size() != 1) {
            throw new RuleException(path, "a rule is an object with exactly one of " + String.join(", ",
                    new java.util.TreeSet<>(conditions.keySet())));
        }
        String name = node.fieldNames().next();
        BiFunction<JsonNode, String, Rule> condition = conditions.get(name);
        if (condition == null) {
            throw new RuleException(path + "." + name, "unknown condition; known are " + String.join(", ",
                    new java.util.TreeSet<>(conditions.keySet())));
        }
        return condition.apply(node.get(name), path + "." + name);
    }

    private List<Rule> list(JsonNode node, String path) {
        if (!node.isArray() || node.isEmpty()) {
            throw new RuleException(path, "must be a non-empty list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            rules.add(parse(node.get(i), path + "[" + i + "]"));
        }
        return rules;
    }

    private Rule tier(JsonNode node, String path) {
        Set<Tier> tiers = new LinkedHashSet<>();
        for (String name : strings(node, path)) {
            try {
                tiers.add(Tier.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new RuleException(path, "unknown tier " + name + "; tiers are " + Arrays.toString(Tier.values()));
            }
        }
        return new Rule.TierIn(tiers);
    }

    private Rule aum(JsonNode node, String path) {
        fields(node, path, "min", "max", "below");
        BigDecimal min = optionalNumber(node, "min", path);
        BigDecimal max = optionalNumber(node, "max", path);
        BigDecimal below = optionalNumber(node, "below", path);
        if (min == null && max == null && below == null) {
            throw new RuleException(path, "give at least one of min, max, below");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new RuleException(path + ".min", "min " + min + " is above the upper bound " + max);
        }
        if (min != null && below != null && min.compareTo(below) >= 0) {
            // below is exclusive: min = below leaves nothing to match
            throw new RuleException(path + ".min", "min " + min + " is not below the exclusive upper bound " + below);
        }
        return new Rule.AumRange(min, max, below);
    }

    private Rule manager(JsonNode node, String path) {
        fields(node, path, "assigned", "ids");
        Boolean assigned = node.has("assigned") ? bool(node.get("assigned"), path + ".assigned") : null;
        Set<String> ids = node.has("ids") ? strings(node.get("ids"), path + ".ids") : null;
        if (assigned == null && ids == null) {
            throw new RuleException(path, "give assigned (true/false) or ids");
        }
        return new Rule.Manager(assigned, ids);
    }

    private Rule holding(JsonNode node, String path) {
        fields(node, path, "types", "minAmount", "maturesWithinDays");
        Set<String> types = null;
        if (node.has("types")) {
            types = new LinkedHashSet<>();
            for (String type : strings(node.get("types"), path + ".types")) {
                String upper = type.toUpperCase(Locale.ROOT);
                if (!PRODUCT_TYPES.contains(upper)) {
                    throw new RuleException(path + ".types", "unknown product type " + type + "; types are "
                            + new java.util.TreeSet<>(PRODUCT_TYPES));
                }
                types.add(upper);
            }
        }
        BigDecimal minAmount = optionalNumber(node, "minAmount", path);
        Rule.DayRange matures = null;
        if (node.has("maturesWithinDays")) {
            String rangePath = path + ".maturesWithinDays";
            JsonNode range = node.get("maturesWithinDays");
            fields(range, rangePath, "from", "to");
            int from = range.has("from") ? days(range.get("from"), rangePath + ".from") : 0;
            int to = days(required(range, "to", rangePath), rangePath + ".to");
            if (from > to) {
                throw new RuleException(rangePath + ".from", "from " + from + " is after to " + to);
            }
            matures = new Rule.DayRange(from, to);
        }
        return new Rule.Holding(types, minAmount, matures);
    }

    private Rule outflow(JsonNode node, String path) {
        fields(node, path, "minAmount", "withinDays", "sameName");
        BigDecimal minAmount = number(required(node, "minAmount", path), path + ".minAmount");
        int withinDays = days(required(node, "withinDays", path), path + ".withinDays");
        if (withinDays == 0) {
            throw new RuleException(path + ".withinDays", "must be at least 1");
        }
        boolean sameName = !node.has("sameName") || bool(node.get("sameName"), path + ".sameName");
        return new Rule.Outflow(minAmount, withinDays, sameName);
    }

    private Rule tierChange(JsonNode node, String path) {
        fields(node, path, "direction", "since");
        String directionText = required(node, "direction", path).asText().toUpperCase(Locale.ROOT);
        Rule.TierChange.Direction direction;
        try {
            direction = Rule.TierChange.Direction.valueOf(directionText);
        } catch (IllegalArgumentException e) {
            throw new RuleException(path + ".direction", "must be DOWN or UP");
        }
        JsonNode since = required(node, "since", path);
        String sincePath = path + ".since";
        if (since.isObject()) {
            fields(since, sincePath, "daysAgo");
            return new Rule.TierChange(direction,
                    new Rule.Since(false, null, days(required(since, "daysAgo", sincePath), sincePath + ".daysAgo")));
        }
        String text = since.asText();
        if (LAST_MONTH_END.equalsIgnoreCase(text)) {
            return new Rule.TierChange(direction, new Rule.Since(true, null, null));
        }
        try {
            return new Rule.TierChange(direction, new Rule.Since(false, LocalDate.parse(text), null));
        } catch (DateTimeParseException e) {
            throw new RuleException(sincePath, "must be LAST_MONTH_END, a date YYYY-MM-DD or {daysAgo: N}");
        }
    }

    private static void fields(JsonNode node, String path, String... allowed) {
        if (!node.isObject()) {
            throw new RuleException(path, "must be an object with " + String.join(", ", allowed));
        }
        Set<String> known = Set.of(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new RuleException(path + "." + name, "unknown field; allowed are " + String.join(", ", allowed));
            }
        }
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new RuleException(path + "." + field, "is required");
        }
        return value;
    }

    private static Set<String> strings(JsonNode node, String path) {
        Set<String> values = new LinkedHashSet<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode item : node) {
                if (!item.isTextual() && !item.isNumber()) {
                    throw new RuleException(path, "must list names");
                }
                values.add(item.asText());
            }
        } else {
            throw new RuleException(path, "must be a name or a non-empty list of names");
        }
        return values;
    }

    private static boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw new RuleException(path, "must be true or false");
        }
        return node.asBoolean();
    }

    private static BigDecimal optionalNumber(JsonNode node, String field, String path) {
        return node.has(field) ? number(node.get(field), path + "." + field) : null;
    }

    private static BigDecimal number(JsonNode node, String path) {
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else {
            try {
                value = new BigDecimal(node.asText().replace(",", ""));
            } catch (NumberFormatException e) {
                throw new RuleException(path, "must be a number");
            }
        }
        if (value.signum() < 0) {
            throw new RuleException(path, "must not be negative");
        }
        return value;
    }

    private static int days(JsonNode node, String path) {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new RuleException(path, "must be a whole number of days");
        }
        int days = node.asInt();
        if (days < 0 || days > MAX_DAYS) {
            throw new RuleException(path, "must be between 0 and " + MAX_DAYS + " days");
        }
        return days;
    }
}
