package com.bank.callcenter.targeting;

import com.bank.callcenter.support.TestCustomers;
import com.bank.callcenter.support.Db;

import java.time.LocalDate;
import java.util.UUID;

/** Hand-made customer book rows for list tests; every test uses its own branch to stay apart. */
public final class Book {

    private final String branch;
    private int mobiles;
    /** The manager of the customers made by {@link #customer(String, String, double)}; null for none. */
    private String defaultManager;

    public Book(String branch) {
        this.branch = branch;
    }

    public String branch() {
        return branch;
    }

    /**
     * Gives every customer made by {@link #customer(String, String, double)} a manager of this
     * branch ({@code <branch>-book-rm}), as AGENT_CALL lists leave out customers without one.
     */
    public Book withManager() {
        defaultManager = branch.toLowerCase() + "-book-rm";
        manager(defaultManager);
        return this;
    }

    /** The manager {@link #withManager()} gave this book's customers, or null. */
    public String defaultManager() {
        return defaultManager;
    }

    /** An ACTIVE customer of this branch with a valid mobile (and the book's manager, if {@link #withManager()}). */
    public String customer(String id, String tier, double aum) {
        return customer(id, tier, aum, "ACTIVE", mobile(), false, defaultManager);
    }

    public String customer(String id, String tier, double aum, String status, String mobile, boolean payroll, String manager) {
        return TestCustomers.customer(id).branch(branch).mobile(mobile).aum(aum).tier(tier).status(status)
                .payroll(payroll).manager(manager).asOf(TestCustomers.AS_OF).insert();
    }

    public String mobile() {
        mobiles++;
        return "15" + String.format("%09d", Math.abs((branch + mobiles).hashCode()) % 1_000_000_000);
    }

    public void holding(String customerId, String type, double amount, LocalDate maturity) {
        Db.execute("""
                insert into holding (holding_id, customer_id, branch_id, product_type, amount, maturity_date, as_of)
                values (?, ?, ?, ?, ?, ?, date '2026-11-20')""",
                UUID.randomUUID().toString(), customerId, branch, type, amount, maturity);
    }

    public void outflow(String customerId, double amount, String occurredAt, boolean sameName) {
        Db.execute("""
                insert into transfer (transfer_id, customer_id, occurred_at, amount, direction, counterparty_bank, same_name, as_of)
                values (?, ?, ?::timestamptz, ?, 'OUT', '招商银行', ?, date '2026-11-20')""",
                UUID.randomUUID().toString(), customerId, occurredAt, amount, sameName);
    }

    public void snapshot(String customerId, LocalDate asOf, String tier, double aum) {
        Db.execute("insert into customer_snapshot (as_of, customer_id, aum, tier) values (?, ?, ?, ?)",
                asOf, customerId, aum, tier);
    }

    public void contacted(String customerId, String at) {
        Db.execute("""
                insert into contact_attempt (id, customer_id, channel, marketing, created_at)
                values (?, ?, 'AGENT_CALL', true, ?::timestamptz)""", UUID.randomUUID(), customerId, at);
    }

    public void complaint(String customerId) {
        Db.execute("insert into complaint (customer_id, summary) values (?, '投诉')", customerId);
    }

    public void doNotCall(String mobile) {
        Db.execute("insert into do_not_call (mobile, reason, source) values (?, '拒绝', 'TEST')", mobile);
    }

    public void manager(String staffId) {
        Db.execute("insert into staff (staff_id, name, role, branch_id) values (?, ?, 'REMOTE_MANAGER', ?) "
                + "on conflict do nothing", staffId, "经理" + staffId, branch);
    }

    /**
     * Stores the shipped campaign file campaigns/{file}.yaml under a new id, its rule limited to
     * this branch ({@code all: [branch, <the file's rule>]}), so a test sees only its own customers.
     */
    public String shippedCampaign(String file, String id) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            com.fasterxml.jackson.databind.node.ObjectNode definition = (com.fasterxml.jackson.databind.node.ObjectNode)
                    yaml.readTree(java.nio.file.Path.of("campaigns", file + ".yaml").toFile());
            com.fasterxml.jackson.databind.node.ObjectNode all = yaml.createObjectNode();
            all.putArray("all").add(yaml.createObjectNode().set("branch", yaml.createArrayNode().add(branch)))
                    .add(definition.get("rule"));
            definition.set("rule", all);
            definition.put("id", id);
            Db.execute("""
                    insert into campaign (id, name, channel, state, priority, definition, source, updated_by)
                    values (?, ?, ?, 'ACTIVE', 100, ?::jsonb, 'FILE', 'test')""",
                    id, definition.get("name").asText(), definition.get("channel").asText(),
                    new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(definition));
            return id;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stores a campaign whose rule is {@code all: [branch: this branch, <rule>]}. */
    public String campaign(String id, String channel, String ruleJson, String orderJson) {
        String definition = """
                {"id":"%s","name":"测试 %s","channel":"%s","rule":{"all":[{"branch":["%s"]},%s]}%s}"""
                .formatted(id, id, channel, branch, ruleJson, orderJson == null ? "" : ",\"order\":" + orderJson);
        Db.execute("""
                insert into campaign (id, name, channel, state, priority, definition, source, updated_by)
                values (?, ?, ?, 'ACTIVE', 100, ?::jsonb, 'API', 'test')""", id, "测试 " + id, channel, definition);
        return id;
    }
}
