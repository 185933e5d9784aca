package com.bank.callcenter.targeting.churn;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.targeting.Book;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ChurnAuditTest {

    @Test
    void churnExplanationIsAuditedLikeACardView() {
        String customer = new Book("CE-AUD").customer(com.bank.callcenter.support.Fixtures.unique("CE-AUD"), "LONG_TAIL", 10000);

        Api.supervisor().when().get("/api/customers/" + customer + "/churn?asOf=2026-11-20").then().statusCode(200);

        assertEquals(1, Db.count("""
                select count(*) from audit_log where username = 'supervisor' and action = 'VIEW_CHURN' and subject = ?""",
                customer));
        Api.admin().when().get("/api/audit?action=VIEW_CHURN&subject=" + customer).then().statusCode(200)
                .header("X-Total-Count", "1");
    }

    @Test
    void refusedExplanationLeavesNoAuditEntry() {
        Api.planner().when().get("/api/customers/CE-AUD-NOBODY/churn").then().statusCode(404);

        assertEquals(0, Db.count("select count(*) from audit_log where subject = 'CE-AUD-NOBODY'"));
    }
}
