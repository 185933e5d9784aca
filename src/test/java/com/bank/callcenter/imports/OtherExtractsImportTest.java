package com.bank.callcenter.imports;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** transfers, staff and dnc extracts. */
@QuarkusTest
class OtherExtractsImportTest {

    @Test
    void transfersAreStoredWithTheirLocalTimeInShanghai() {
        Csv.customers("BR-T", "TR-1");
        Csv.post("transfers", """
                transfer_id,customer_id,occurred_at,amount,direction,counterparty_bank,same_name
                TR-1-a,TR-1,2026-11-19T10:15:00,50000,OUT,招商银行,true
                TR-1-b,TR-1,2026-11-19 11:00,300,IN,,false
                """).statusCode(200).body("kind", equalTo("transfers")).body("accepted", equalTo(2));
        OffsetDateTime at = ((java.sql.Timestamp) Db.value(
                "select occurred_at from transfer where transfer_id = 'TR-1-a'")).toInstant()
                .atOffset(java.time.ZoneOffset.ofHours(8));
        assertEquals("2026-11-19T10:15+08:00", at.toString());
        assertEquals(true, Db.value("select same_name from transfer where transfer_id = 'TR-1-a'"));
        assertEquals(new BigDecimal("50000.00"), Db.value("select amount from transfer where transfer_id = 'TR-1-a'"));
    }

    @Test
    void badTransfersRejectTheFile() {
        Csv.customers("BR-T", "TB-1");
        Csv.post("transfers", """
                transfer_id,customer_id,occurred_at,amount,direction,counterparty_bank,same_name
                TB-1-a,TB-1,yesterday,50000,OUT,招商银行,true
                TB-1-b,TB-1,2026-11-19T10:00:00,-1,SIDEWAYS,,false
                TB-1-c,TB-NOBODY,2026-11-19T10:00:00,1,IN,,false
                TB-1-c,TB-1,2026-11-19T10:00:00,1,IN,,false
                """).statusCode(422)
                .body("errors.findAll { it.line == 2 }.column", hasItem("occurred_at"))
                .body("errors.findAll { it.line == 3 }.column", hasItem("amount"))
                .body("errors.findAll { it.line == 3 }.column", hasItem("direction"));
        assertEquals(0, Db.count("select count(*) from transfer where customer_id = 'TB-1'"));
    }

    @Test
    void transferFileChecksIdsAndCustomersInTheDatabase() {
        Csv.customers("BR-T", "TC-1");
        Csv.post("transfers", """
                transfer_id,customer_id,occurred_at,amount,direction
                TC-1-a,TC-1,2026-11-19T10:00:00,1,IN
                TC-1-a,TC-1,2026-11-19T10:00:00,1,IN
                TC-1-b,TC-NOBODY,2026-11-19T10:00:00,1,IN
                """).statusCode(422)
                .body("errors", hasSize(2))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("transfer_id"))
                .body("errors[1].line", equalTo(4)).body("errors[1].message", containsString("unknown customer"));
    }

    @Test
    void staffImportCreatesLoginsWithTheirRoles() {
        Csv.post("staff", """
                staff_id,name,role,branch_id,extension
                st-rm1,远程一,REMOTE_MANAGER,BR-S,9101
                st-sup1,主管一,SUPERVISOR,BR-S,
                st-pln1,策划一,PLANNER,BR-S,
                """).statusCode(200).body("kind", equalTo("staff")).body("accepted", equalTo(3));
        assertEquals("RM", Db.value("select roles from app_user where username = 'st-rm1'"));
        assertEquals("9101", Db.value("select extension from staff where staff_id = 'st-rm1'"));
        // in the embedded default (and in tests) an imported member's password is the user name
        Api.as("st-rm1").when().get("/api/users/me").then().statusCode(200)
                .body("roles", hasItem("RM")).body("staffId", equalTo("st-rm1"));
        Api.as("st-sup1").when().get("/api/users/me").then().statusCode(200).body("roles", hasItem("SUPERVISOR"));
    }

    @Test
    void staffReimportKeepsAChangedPassword() {
        Csv.post("staff", "staff_id,name,role,branch_id\nst-keep,留,PLANNER,BR-S\n").statusCode(200);
        Api.admin().contentType("application/json").body("{\"password\":\"a-better-secret\"}")
                .when().put("/api/users/st-keep/password").then().statusCode(204);
        Csv.post("staff", "staff_id,name,role,branch_id\nst-keep,留,PLANNER,BR-S2\n").statusCode(200);
        given().auth().preemptive().basic("st-keep", "a-better-secret").when().get("/api/users/me")
                .then().statusCode(200);
        assertEquals("BR-S2", Db.value("select branch_id from staff where staff_id = 'st-keep'"));
    }

    @Test
    void badStaffRowsRejectTheFile() {
        Csv.post("staff", """
                staff_id,name,role,branch_id,extension
                st-bad1,坏,JANITOR,BR-S,
                st-bad2,,PLANNER,BR-S,
                """).statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo("role"))
                .body("errors[1].line", equalTo(3)).body("errors[1].column", equalTo("name"));
        assertNull(Db.value("select username from app_user where username = 'st-bad1'"));
    }

    @Test
    void doNotCallListIsStoredNormalised() {
        Csv.post("dnc", """
                mobile,reason
                +86 137-0000-0001,客户投诉
                13700000002,
                """).statusCode(200).body("kind", equalTo("dnc")).body("accepted", equalTo(2));
        assertEquals("客户投诉", Db.value("select reason from do_not_call where mobile = '13700000001'"));
        assertNull(Db.value("select expires_at from do_not_call where mobile = '13700000002'"));
        assertNotNull(Db.value("select added_at from do_not_call where mobile = '13700000002'"));
    }

    @Test
    void aFirstDoNotCallListIsLoadedWithoutItsKeyAndGetsItBack() {
        Db.execute("delete from do_not_call");
        Csv.post("dnc", "mobile,reason\n13700000031,首批\n13700000032,\n").statusCode(200).body("accepted", equalTo(2));
        assertEquals(1, Db.count("select count(*) from pg_constraint where conrelid = 'do_not_call'::regclass"
                + " and contype = 'p'"));
        assertEquals("BANK_LIST", Db.value("select source from do_not_call where mobile = '13700000031'"));
        // the next list meets the rows and the key: a number on both is updated, not repeated
        Csv.post("dnc", "mobile,reason\n13700000031,再次\n").statusCode(200).body("accepted", equalTo(1));
        assertEquals("再次", Db.value("select reason from do_not_call where mobile = '13700000031'"));
        assertEquals(2, Db.count("select count(*) from do_not_call where mobile like '1370000003_'"));
    }

    @Test
    void badAndDuplicatedDoNotCallNumbersRejectTheFile() {
        Csv.post("dnc", """
                mobile,reason
                13700000011,a
                not-a-phone,b
                +8613700000011,c
                """).statusCode(422)
                .body("errors", hasSize(2))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("mobile"))
                .body("errors[1].line", equalTo(4)).body("errors[1].message", containsString("first on line 2"));
        assertEquals(0, Db.count("select count(*) from do_not_call where mobile = '13700000011'"));
    }

    @Test
    void importJobsAreRecorded() {
        Csv.post("dnc", "mobile\n13700000021\n").statusCode(200);
        Api.admin().when().get("/api/imports").then().statusCode(200)
                .body("findAll { it.kind == 'dnc' && it.state == 'SUCCEEDED' }.size()",
                        org.hamcrest.Matchers.greaterThan(0));
        Api.as("st-rm1-nobody").when().get("/api/imports").then().statusCode(401);
    }
}
