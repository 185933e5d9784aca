package com.bank.callcenter.calls;

import com.bank.callcenter.security.PasswordHasher;
import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.support.TestCustomers;
import com.bank.callcenter.support.Db;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data for calls, made with SQL and unique per test: RMs with a phone extension and a login
 * (password = user name), and customers in their book whose mobile's last digit picks what the
 * simulated PBX does (0/8/9 answer, 1 busy, 2 congestion, 3 no answer).
 */
public final class CallBook {

    static final String BRANCH = "BR-CALLS";

    private final PasswordHasher hasher;

    public CallBook(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** An RM whose phone answers (extension ending in 0); returns the user name = staff id. */
    public String rm() {
        return rm('0');
    }

    /** An RM whose phone's extension ends in {@code lastDigit} (1 = busy, 3 = does not answer). */
    public String rm(char lastDigit) {
        String id = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        String extension = "9" + ThreadLocalRandom.current().nextInt(100, 1000) + lastDigit;
        Db.execute("insert into staff (staff_id, name, role, branch_id, extension) values (?, ?, 'REMOTE_MANAGER', ?, ?)",
                id, "RM " + id, BRANCH, extension);
        Db.execute("insert into app_user (username, password_hash, roles, staff_id) values (?, ?, 'RM', ?)",
                id, hasher.hash(id), id);
        return id;
    }

    /** A customer of {@code managerId} whose mobile ends in {@code lastDigit}. */
    public String customer(String managerId, char lastDigit) {
        return customerWithMobile(managerId, mobile(lastDigit));
    }

    public String customerWithMobile(String managerId, String mobile) {
        String id = "cu-" + UUID.randomUUID().toString().substring(0, 12);
        return TestCustomers.customer(id).branch(BRANCH).mobile(mobile).aum("100000").tier(Tier.MID_HIGH)
                .manager(managerId).asOfToday().insert();
    }

    public static String mobile(char lastDigit) {
        return "139" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + lastDigit;
    }

    public static String mobileOf(String customerId) {
        return (String) Db.value("select mobile from customer where customer_id = ?", customerId);
    }
}
