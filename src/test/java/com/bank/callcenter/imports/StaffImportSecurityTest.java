package com.bank.callcenter.imports;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A staff import cannot escalate: only an admin imports staff, and only staff logins with staff roles. */
@QuarkusTest
class StaffImportSecurityTest {

    private static final String HEADER = "staff_id,name,role,branch_id,extension\n";

    @Test
    void plannersStaffImportIsForbiddenSyncAndAsync() {
        String id = unique("st-pln");
        String csv = HEADER + id + ",策划,SUPERVISOR,BR-S,\n";
        Api.planner().contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/imports/staff?asOf=" + Csv.AS_OF)
                .then().statusCode(403).contentType("application/problem+json");
        Api.planner().contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/imports/staff?asOf=" + Csv.AS_OF + "&async=true")
                .then().statusCode(403).contentType("application/problem+json");
        assertNull(Db.value("select username from app_user where username = ?", id));
    }

    @Test
    void plannerStillImportsTheOtherExtracts() {
        Api.planner().contentType("text/csv; charset=UTF-8").body("mobile,reason\n13700000931,planner\n")
                .when().post("/api/imports/dnc?asOf=" + Csv.AS_OF).then().statusCode(200);
    }

    @Test
    void adminsStaffImportNamingAdminIsRejectedWithItsLineAndAdminKeepsItsRoles() {
        String good = unique("st-ok");
        Csv.post("staff", HEADER + good + ",好,PLANNER,BR-S,\nadmin,冒充,SUPERVISOR,BR-S,\n")
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("staff_id"))
                .body("errors[0].message", containsString("admin"));
        assertNull(Db.value("select username from app_user where username = ?", good));
        assertEquals("ADMIN", Db.value("select roles from app_user where username = 'admin'"));
        assertNull(Db.value("select staff_id from staff where staff_id = 'admin'"));
        Api.admin().when().get("/api/users/me").then().statusCode(200).body("roles", hasItem("ADMIN"));
    }

    @Test
    void staffImportNamingALoginMadeByHandIsRejected() {
        String byHand = TestUsers.remoteManager(unique("by-hand"));
        Csv.post("staff", HEADER + byHand + ",手工,SUPERVISOR,BR-S,\n")
                .statusCode(422).body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo("staff_id"));
        assertEquals("RM", Db.value("select roles from app_user where username = ?", byHand));
    }

    @Test
    void rowWithRoleAdminIsRejected() {
        String id = unique("st-adm");
        Csv.post("staff", HEADER + id + ",管理,ADMIN,BR-S,\n")
                .statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo("role"))
                .body("errors[0].message", containsString("ADMIN is never granted"));
        assertNull(Db.value("select username from app_user where username = ?", id));
    }

    @Test
    void roleChangeByImportIsAuditedWithBeforeAndAfter() {
        String id = unique("st-promo");
        Csv.post("staff", HEADER + id + ",升,PLANNER,BR-S,\n").statusCode(200);
        Csv.post("staff", HEADER + id + ",升,SUPERVISOR,BR-S,\n").statusCode(200);
        Csv.post("staff", HEADER + id + ",升,SUPERVISOR,BR-S2,\n").statusCode(200);

        List<Map<String, Object>> changes = Db.rows("""
                select username, before_value, after_value from audit_log
                where action = 'CHANGE_ROLES' and subject = ? order by id""", id);
        assertEquals(2, changes.size(), "the login's creation and the promotion; the branch move changes no role");
        assertNull(changes.get(0).get("before_value"));
        assertEquals("PLANNER", changes.get(0).get("after_value"));
        assertEquals("admin", changes.get(1).get("username"));
        assertEquals("PLANNER", changes.get(1).get("before_value"));
        assertEquals("SUPERVISOR", changes.get(1).get("after_value"));
    }

    @Test
    void staffRowWithActiveFalseMakesALeaverWhoCannotLogIn() {
        String id = unique("st-leaver");
        Csv.post("staff", HEADER.strip() + ",active\n" + id + ",走,REMOTE_MANAGER,BR-S,9101,true\n").statusCode(200);
        Api.as(id).when().get("/api/users/me").then().statusCode(200);

        Csv.post("staff", HEADER.strip() + ",active\n" + id + ",走,REMOTE_MANAGER,BR-S,9101,false\n").statusCode(200);

        assertEquals(false, Db.value("select active from staff where staff_id = ?", id));
        Api.as(id).when().get("/api/users/me").then().statusCode(401);
        assertEquals(1, Db.count("""
                select count(*) from audit_log where action = 'CHANGE_ACTIVE' and subject = ?
                and before_value = 'true' and after_value = 'false'""", id));
    }

    @Test
    void activeThatIsNotTrueOrFalseIsARowError() {
        String id = unique("st-maybe");
        Csv.post("staff", HEADER.strip() + ",active\n" + id + ",也许,PLANNER,BR-S,,maybe\n")
                .statusCode(422).body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo("active"));
    }
}
