package com.bank.callcenter.books;

import com.bank.callcenter.customers.Tier;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Fixtures;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leavers' books: no new customers, and the hand-over list of the supervisors. */
@QuarkusTest
class BookHandoverTest {

    private static final int PAGE_SIZE = 1000;

    @Inject
    Fixtures fixtures;

    private static void deactivate(String username) {
        Api.admin().contentType("application/json").body("{\"active\": false}")
                .when().put("/api/users/" + username + "/active").then().statusCode(200);
    }

    /** Every page of the hand-over list (other tests leave entries too). */
    private static List<Map<String, Object>> handoverList() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Response response = Api.supervisor().when().get("/api/books/handover?page=" + page + "&size=" + PAGE_SIZE)
                    .then().statusCode(200).extract().response();
            List<Map<String, Object>> rows = response.jsonPath().getList("$");
            all.addAll(rows);
            if (rows.size() < PAGE_SIZE) {
                assertEquals(String.valueOf(all.size()), response.header("X-Total-Count"));
                return all;
            }
        }
    }

    private static Optional<Map<String, Object>> entry(List<Map<String, Object>> list, String customerId) {
        return list.stream().filter(row -> customerId.equals(row.get("customerId"))).findFirst();
    }

    @Test
    void inactiveRemoteManagerGetsNoCustomersFromAssignment() {
        String branch = unique("BR");
        String leaver = fixtures.remoteManagerWithLogin(branch);
        String waiting = fixtures.customer(branch).insert();
        deactivate(leaver);

        Api.supervisor().when().post("/api/books/assign").then().statusCode(200);

        assertNull(fixtures.managerOf(waiting));
        assertEquals(0, fixtures.bookSize(leaver));
    }

    @Test
    void changeRequestToAnInactiveRemoteManagerIsAConflict() {
        String branch = unique("BR");
        String leaver = fixtures.remoteManagerWithLogin(branch);
        String customer = fixtures.customer(branch).insert();
        deactivate(leaver);

        Api.supervisor().contentType("application/json")
                .body(Map.of("customerId", customer, "toManagerId", leaver, "reason", "hand-over"))
                .when().post("/api/books/changes")
                .then().statusCode(409).body("code", equalTo("not-a-remote-manager"));
        assertNull(fixtures.managerOf(customer));
    }

    @Test
    void handoverListsTheInactiveManagersCustomersAndAFormerLongTailCustomer() {
        String branch = unique("BR");
        String leaver = fixtures.remoteManagerWithLogin(branch);
        String stayer = fixtures.remoteManager(branch);
        String leaversCustomer = fixtures.customer(branch).name("李四").manager(leaver).insert();
        String promoted = fixtures.customer(branch).tier(Tier.MID_HIGH).aum("80000.00").manager(stayer).insert();
        String stillLongTail = fixtures.customer(branch).manager(stayer).insert();
        deactivate(leaver);

        List<Map<String, Object>> list = handoverList();

        Map<String, Object> left = entry(list, leaversCustomer).orElseThrow();
        assertEquals("manager-inactive", left.get("reason"));
        assertEquals(leaver, left.get("managerId"));
        assertEquals("李四", left.get("name"));
        assertEquals("LONG_TAIL", left.get("tier"));
        Map<String, Object> moved = entry(list, promoted).orElseThrow();
        assertEquals("left-long-tail", moved.get("reason"));
        assertEquals(stayer, moved.get("managerId"));
        assertEquals("MID_HIGH", moved.get("tier"));
        assertTrue(entry(list, stillLongTail).isEmpty());
    }

    @Test
    void handoverIsForSupervisorsAndAdmins() {
        Api.supervisor().when().get("/api/books/handover?size=1").then().statusCode(200);
        Api.admin().when().get("/api/books/handover?size=1").then().statusCode(200);
        Api.planner().when().get("/api/books/handover").then().statusCode(403);
        Api.as(TestUsers.remoteManager("rm-handover")).when().get("/api/books/handover").then().statusCode(403);
    }
}
