package com.bank.callcenter.imports;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import com.bank.callcenter.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static com.bank.callcenter.support.Fixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** sales and penetration extracts. */
@QuarkusTest
class SalesAndPenetrationImportTest {

    private static final String SALES = "sale_id,customer_id,staff_id,product_code,product_type,amount,sold_on\n";
    private static final String PENETRATION = "customer_id,product,acquired_on\n";

    private static String staff() {
        String id = unique("SS");
        Db.execute("insert into staff (staff_id, name, role, branch_id, active) values (?, ?, 'REMOTE_MANAGER', 'BR-SA', true)",
                id, "销售 " + id);
        return id;
    }

    @Test
    void goodSalesFileIsApplied() {
        String c = unique("SA");
        String s = staff();
        Csv.customers("BR-SA", c);
        Csv.post("sales", SALES
                + c + "-1," + c + "," + s + ",TD-3Y,TIME_DEPOSIT,\"1,000.5\",2026-11-18\n"
                + c + "-2," + c + "," + s + ",INS-01,INSURANCE,0,2026-11-19\n")
                .statusCode(200).body("kind", equalTo("sales")).body("accepted", equalTo(2));
        assertEquals(2, Db.count("select count(*) from sale where customer_id = ? and staff_id = ?", c, s));
        assertEquals(new BigDecimal("1000.50"), Db.value("select amount from sale where sale_id = ?", c + "-1"));
        assertEquals("TIME_DEPOSIT", Db.value("select product_type from sale where sale_id = ?", c + "-1"));
        assertEquals("TD-3Y", Db.value("select product_code from sale where sale_id = ?", c + "-1"));
        assertEquals(LocalDate.parse("2026-11-18"),
                ((java.sql.Date) Db.value("select sold_on from sale where sale_id = ?", c + "-1")).toLocalDate());
        assertEquals(LocalDate.parse(Csv.AS_OF),
                ((java.sql.Date) Db.value("select as_of from sale where sale_id = ?", c + "-1")).toLocalDate());
    }

    @Test
    void oneBadSaleOfEachKindRejectsTheFileNamingEveryLine() {
        String c = unique("SB");
        String s = staff();
        Csv.customers("BR-SA", c);
        String good = "," + c + "," + s + ",P-1,FUND,";
        Csv.post("sales", SALES
                + c + "-a" + good + "100,2026-11-18\n"                                  // 2 good
                + c + "-b," + c + "," + s + ",P-1,GOLD_BAR,100,2026-11-18\n"            // 3 bad type
                + c + "-c" + good + "-1,2026-11-18\n"                                   // 4 negative
                + c + "-d" + good + "1.005,2026-11-18\n"                                // 5 three decimals
                + c + "-e" + good + "100,2026-02-30\n"                                  // 6 bad date
                + c + "-f," + c + "-NOBODY," + s + ",P-1,FUND,100,2026-11-18\n"         // 7 unknown customer
                + c + "-g," + c + ",SS-NOBODY,P-1,FUND,100,2026-11-18\n"                // 8 unknown staff
                + c + "-a" + good + "200,2026-11-18\n"                                  // 9 duplicate sale_id
                + c + "-h," + c + "," + s + "," + "X".repeat(65) + ",FUND,1,2026-11-18\n") // 10 code too long
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("nothing was applied"))
                .body("errors", hasSize(8))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("product_type"))
                .body("errors[1].line", equalTo(4)).body("errors[1].column", equalTo("amount"))
                .body("errors[1].message", containsString("negative"))
                .body("errors[2].line", equalTo(5)).body("errors[2].column", equalTo("amount"))
                .body("errors[2].message", containsString("more than 2 decimals"))
                .body("errors[3].line", equalTo(6)).body("errors[3].column", equalTo("sold_on"))
                .body("errors[3].message", containsString("not a date"))
                .body("errors[4].line", equalTo(7)).body("errors[4].column", equalTo("customer_id"))
                .body("errors[4].message", containsString("unknown customer " + c + "-NOBODY"))
                .body("errors[5].line", equalTo(8)).body("errors[5].column", equalTo("staff_id"))
                .body("errors[5].message", containsString("unknown staff SS-NOBODY"))
                .body("errors[6].line", equalTo(9)).body("errors[6].column", equalTo("sale_id"))
                .body("errors[6].message", containsString("first on line 2"))
                .body("errors[7].line", equalTo(10)).body("errors[7].column", equalTo("product_code"))
                .body("errors[7].message", containsString("longer than 64"));
        assertEquals(0, Db.count("select count(*) from sale where customer_id = ?", c));
    }

    @Test
    void reimportedSaleIsUpdated() {
        String c = unique("SR");
        String s1 = staff();
        String s2 = staff();
        Csv.customers("BR-SA", c);
        Csv.post("sales", SALES + c + "-1," + c + "," + s1 + ",F-1,FUND,100,2026-11-18\n").statusCode(200);
        Csv.post("sales", SALES + c + "-1," + c + "," + s2 + ",W-9,WEALTH,250.25,2026-11-19\n", "2026-11-21")
                .statusCode(200).body("accepted", equalTo(1));
        assertEquals(1, Db.count("select count(*) from sale where sale_id = ?", c + "-1"));
        assertEquals(s2, Db.value("select staff_id from sale where sale_id = ?", c + "-1"));
        assertEquals("WEALTH", Db.value("select product_type from sale where sale_id = ?", c + "-1"));
        assertEquals(new BigDecimal("250.25"), Db.value("select amount from sale where sale_id = ?", c + "-1"));
        assertEquals(LocalDate.parse("2026-11-21"),
                ((java.sql.Date) Db.value("select as_of from sale where sale_id = ?", c + "-1")).toLocalDate());
    }

    @Test
    void lateSalesExtractIsRefusedLikeTheOthers() {
        String c = unique("SL");
        String s = staff();
        Csv.customers("BR-SA", c);
        Csv.post("sales", SALES + c + "-1," + c + "," + s + ",F-1,FUND,100,2026-11-18\n", "2026-11-21")
                .statusCode(200);
        Csv.post("sales", SALES + c + "-2," + c + "," + s + ",F-1,FUND,100,2026-11-18\n", "2026-11-19")
                .statusCode(409).body("code", equalTo(StaleExtractGuard.CODE));
        assertEquals(1, Db.count("select count(*) from sale where customer_id = ?", c));
    }

    @Test
    void goodPenetrationFileIsApplied() {
        String c1 = unique("PA");
        String c2 = unique("PA");
        Csv.customers("BR-SA", c1, c2);
        Csv.post("penetration", PENETRATION
                + c1 + ",MOBILE_BANKING,2026-01-05\n"
                + c1 + ",wecom,2026-03-01\n"
                + c2 + ",MOBILE_BANKING,2025-12-31\n")
                .statusCode(200).body("kind", equalTo("penetration")).body("accepted", equalTo(3));
        assertEquals(2, Db.count("select count(*) from penetration where customer_id = ?", c1));
        assertEquals(LocalDate.parse("2026-03-01"), ((java.sql.Date) Db.value(
                "select acquired_on from penetration where customer_id = ? and product = 'WECOM'", c1)).toLocalDate());
    }

    @Test
    void oneBadPenetrationRowOfEachKindRejectsTheFile() {
        String c = unique("PB");
        Csv.customers("BR-SA", c);
        Csv.post("penetration", PENETRATION
                + c + ",CREDIT_CARD,2026-01-05\n"          // 2 good
                + c + ",SAVINGS_JAR,2026-01-05\n"          // 3 bad product
                + c + ",DEBIT_CARD,05/01/2026\n"           // 4 bad date
                + c + "-NOBODY,WECOM,2026-01-05\n"         // 5 unknown customer
                + c + ",CREDIT_CARD,2026-02-01\n")         // 6 duplicate pair
                .statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(4))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("product"))
                .body("errors[1].line", equalTo(4)).body("errors[1].column", equalTo("acquired_on"))
                .body("errors[2].line", equalTo(5)).body("errors[2].column", equalTo("customer_id"))
                .body("errors[2].message", containsString("unknown customer"))
                .body("errors[3].line", equalTo(6)).body("errors[3].column", equalTo("product"))
                .body("errors[3].message", containsString("duplicate product CREDIT_CARD for customer " + c
                        + " (first on line 2)"));
        assertEquals(0, Db.count("select count(*) from penetration where customer_id = ?", c));
    }

    @Test
    void reimportedPenetrationUpdatesTheAcquiredDate() {
        String c = unique("PR");
        Csv.customers("BR-SA", c);
        Csv.post("penetration", PENETRATION + c + ",PAYROLL_AGREEMENT,2026-01-05\n").statusCode(200);
        Csv.post("penetration", PENETRATION + c + ",PAYROLL_AGREEMENT,2026-02-07\n", "2026-11-21")
                .statusCode(200).body("accepted", equalTo(1));
        assertEquals(1, Db.count("select count(*) from penetration where customer_id = ?", c));
        assertEquals(LocalDate.parse("2026-02-07"), ((java.sql.Date) Db.value(
                "select acquired_on from penetration where customer_id = ?", c)).toLocalDate());
    }

    @Test
    void plannerImportsBothKindsSupervisorAndRmMayNot() {
        String c = unique("PS");
        String s = staff();
        Csv.customers("BR-SA", c);
        String sales = SALES + c + "-1," + c + "," + s + ",F-1,FUND,100,2026-11-18\n";
        String penetration = PENETRATION + c + ",DEBIT_CARD,2026-01-05\n";
        Api.planner().contentType("text/csv; charset=UTF-8").body(sales)
                .when().post("/api/imports/sales?asOf=" + Csv.AS_OF).then().statusCode(200);
        Api.planner().contentType("text/csv; charset=UTF-8").body(penetration)
                .when().post("/api/imports/penetration?asOf=" + Csv.AS_OF + "&async=true").then().statusCode(202);
        String rm = TestUsers.remoteManager(unique("rm-imp"));
        for (String kind : new String[] {"sales", "penetration"}) {
            String body = kind.equals("sales") ? sales : penetration;
            Api.supervisor().contentType("text/csv; charset=UTF-8").body(body)
                    .when().post("/api/imports/" + kind + "?asOf=" + Csv.AS_OF).then().statusCode(403);
            Api.as(rm).contentType("text/csv; charset=UTF-8").body(body)
                    .when().post("/api/imports/" + kind + "?asOf=" + Csv.AS_OF).then().statusCode(403);
            Api.as(rm).contentType("text/csv; charset=UTF-8").body(body)
                    .when().post("/api/imports/" + kind + "?asOf=" + Csv.AS_OF + "&async=true").then().statusCode(403);
        }
        assertEquals(1, Db.count("select count(*) from sale where customer_id = ?", c));
    }
}
