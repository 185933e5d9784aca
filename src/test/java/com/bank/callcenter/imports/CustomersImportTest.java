package com.bank.callcenter.imports;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class CustomersImportTest {

    @Test
    void goodFileIsAcceptedWithTheContractAnswer() {
        Csv.post("customers", """
                customer_id,name,mobile,home_branch_id,aum,payroll,status
                CA-1,张伟,13800138000,BR-A,12000.50,true,ACTIVE
                CA-2,王芳,,BR-A,800,false,
                """).statusCode(200)
                .body("kind", equalTo("customers"))
                .body("asOf", equalTo(Csv.AS_OF))
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(0));
        assertEquals("ACTIVE", Db.value("select status from customer where customer_id = 'CA-2'"));
        assertEquals(true, Db.value("select payroll from customer where customer_id = 'CA-1'"));
    }

    @Test
    void tierFollowsTheAumBoundariesWithInclusiveLowerBounds() {
        Csv.post("customers", """
                customer_id,name,home_branch_id,aum
                CT-1,甲,BR-T,9999.99
                CT-2,乙,BR-T,10000
                CT-3,丙,BR-T,49999.99
                CT-4,丁,BR-T,50000
                CT-5,戊,BR-T,199999.99
                CT-6,己,BR-T,200000
                CT-7,庚,BR-T,5999999.99
                CT-8,辛,BR-T,6000000
                """).statusCode(200).body("accepted", equalTo(8));
        String[] expected = {"MASS", "LONG_TAIL", "LONG_TAIL", "MID_HIGH", "MID_HIGH", "WEALTH", "WEALTH",
                "PRIVATE_BANKING"};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Db.value("select tier from customer where customer_id = ?", "CT-" + (i + 1)),
                    "tier of CT-" + (i + 1));
        }
    }

    @Test
    void mobileNumbersAreStoredAsElevenDigits() {
        Csv.post("customers", """
                customer_id,name,mobile,home_branch_id,aum
                CM-1,甲,+86 138-0013-8001,BR-M,100
                CM-2,乙,8613800138002,BR-M,100
                CM-3,丙,139 0013 8003,BR-M,100
                """).statusCode(200);
        assertEquals("13800138001", Db.value("select mobile from customer where customer_id = 'CM-1'"));
        assertEquals("13800138002", Db.value("select mobile from customer where customer_id = 'CM-2'"));
        assertEquals("13900138003", Db.value("select mobile from customer where customer_id = 'CM-3'"));
    }

    @Test
    void columnsMayComeInAnyOrderAndUnknownColumnsAreIgnored() {
        Csv.post("customers", """
                aum,segment_code,customer_id,home_branch_id,name
                30000,X9,CO-1,BR-O,顺序
                """).statusCode(200).body("accepted", equalTo(1));
        assertEquals(new BigDecimal("30000.00"), Db.value("select aum from customer where customer_id = 'CO-1'"));
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() {
        byte[] csv = ("\uFEFFcustomer_id,name,home_branch_id,aum\nCB-1,带BOM,BR-B,100\n").getBytes(StandardCharsets.UTF_8);
        Csv.postBytes("customers", csv, "").statusCode(200).body("accepted", equalTo(1));
        assertEquals("带BOM", Db.value("select name from customer where customer_id = 'CB-1'"));
    }

    @Test
    void gbkFileIsReadWhenAskedFor() {
        byte[] csv = "customer_id,name,home_branch_id,aum\nCG-1,李娜,BR-G,100\n".getBytes(Charset.forName("GBK"));
        Csv.postBytes("customers", csv, "&charset=GBK").statusCode(200);
        assertEquals("李娜", Db.value("select name from customer where customer_id = 'CG-1'"));
    }

    @Test
    void gbkFileSentAsUtf8IsRejectedAsNotCsvWithAHint() {
        byte[] csv = "customer_id,name,home_branch_id,aum\nCG-2,李娜,BR-G,100\n".getBytes(Charset.forName("GBK"));
        Csv.postBytes("customers", csv, "").statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("not-csv")).body("detail", containsString("charset=GBK"));
        assertEquals(0, Db.count("select count(*) from customer where customer_id = 'CG-2'"));
    }

    @Test
    void anyBadRowRejectsTheWholeFileWithEveryErrorByLine() {
        Csv.post("customers", """
                customer_id,name,mobile,home_branch_id,aum,payroll,status
                CX-1,好的,13800138000,BR-X,100,true,ACTIVE
                CX-2,坏的金额,,BR-X,-5,false,ACTIVE
                CX-3,坏的号码,12345,BR-X,100,false,ACTIVE
                CX-4,坏的数字,,BR-X,abc,maybe,SLEEPING
                ,没有编号,,BR-X,100,,
                """).statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(6))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo("aum"))
                .body("errors[0].message", containsString("negative"))
                .body("errors[1].line", equalTo(4)).body("errors[1].column", equalTo("mobile"))
                .body("errors.findAll { it.line == 5 }.column", hasItem("payroll"))
                .body("errors.findAll { it.line == 5 }.column", hasItem("status"))
                .body("errors.findAll { it.line == 6 }.column", hasItem("customer_id"));
        assertEquals(0, Db.count("select count(*) from customer where customer_id like 'CX-%'"),
                "nothing of a rejected file is applied");
    }

    @Test
    void duplicatedIdsInOneFileAreErrors() {
        Csv.post("customers", """
                customer_id,name,home_branch_id,aum
                CD-1,一,BR-D,100
                CD-2,二,BR-D,100
                CD-1,三,BR-D,100
                """).statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].column", equalTo("customer_id"))
                .body("errors[0].message", containsString("first on line 2"));
        assertEquals(0, Db.count("select count(*) from customer where customer_id like 'CD-%'"));
    }

    @Test
    void shortRowIsAnError() {
        Csv.post("customers", """
                customer_id,name,home_branch_id,aum
                CS-1,一
                """).statusCode(422).body("errors[0].line", equalTo(2))
                .body("errors[0].message", containsString("fields"));
    }

    @Test
    void missingRequiredColumnIsNamed() {
        Csv.post("customers", """
                customer_id,name,aum
                CN-1,一,100
                """).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("missing-column"))
                .body("detail", containsString("home_branch_id"))
                .body("columns", hasItem("home_branch_id"));
    }

    @Test
    void bodyThatIsNotCsvIsA4xxNamingTheColumns() {
        Csv.post("customers", "{\"customers\": []}").statusCode(400)
                .body("code", equalTo("missing-column")).body("detail", containsString("customer_id"));
        Csv.postBytes("customers", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe}, "")
                .statusCode(400).body("code", equalTo("not-csv"));
    }

    @Test
    void emptyBodyIsABadRequest() {
        Csv.post("customers", "").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void eachImportKeepsADatedSnapshotAndTheNewestWins() {
        Csv.post("customers", "customer_id,name,home_branch_id,aum\nCH-1,历史,BR-H,60000\n", "2026-10-31")
                .statusCode(200);
        Csv.post("customers", "customer_id,name,home_branch_id,aum\nCH-1,历史,BR-H,30000\n", "2026-11-30")
                .statusCode(200);
        // an older extract arriving late adds its snapshot but does not overwrite the newer state
        Csv.post("customers", "customer_id,name,home_branch_id,aum\nCH-1,历史,BR-H,55000\nCH-2,迟到,BR-H,20000\n",
                "2026-11-15").statusCode(200);
        assertEquals(3, Db.count("select count(*) from customer_snapshot where customer_id = 'CH-1'"));
        // a customer the late extract is the first to name is added all the same
        assertEquals(new BigDecimal("20000.00"), Db.value("select aum from customer where customer_id = 'CH-2'"));
        assertEquals("MID_HIGH", Db.value(
                "select tier from customer_snapshot where customer_id = 'CH-1' and as_of = date '2026-10-31'"));
        assertEquals("LONG_TAIL", Db.value("select tier from customer where customer_id = 'CH-1'"));
        assertEquals(new BigDecimal("30000.00"), Db.value("select aum from customer where customer_id = 'CH-1'"));
    }

    @Test
    void anUnchangedCustomerIsNotRewrittenButGetsTheDaysSnapshot() {
        String file = "customer_id,name,home_branch_id,aum\nCU-1,不变,BR-U,25000\nCU-2,变,BR-U,25000\n";
        Csv.post("customers", file, "2026-10-01").statusCode(200);
        Object unchangedVersion = Db.value("select xmin::text from customer where customer_id = 'CU-1'");
        Csv.post("customers", file.replace("CU-2,变,BR-U,25000", "CU-2,变,BR-U,26000"), "2026-10-02")
                .statusCode(200);
        assertEquals(unchangedVersion, Db.value("select xmin::text from customer where customer_id = 'CU-1'"));
        assertEquals("2026-10-01", Db.value("select as_of::text from customer where customer_id = 'CU-1'"));
        assertEquals("2026-10-02", Db.value("select as_of::text from customer where customer_id = 'CU-2'"));
        assertEquals(new BigDecimal("26000.00"), Db.value("select aum from customer where customer_id = 'CU-2'"));
        assertEquals(2, Db.count("select count(*) from customer_snapshot where customer_id = 'CU-1'"));
        assertEquals(new BigDecimal("25000.00"), Db.value(
                "select aum from customer_snapshot where customer_id = 'CU-1' and as_of = date '2026-10-02'"));
    }

    @Test
    void secondFileOfTheSameDayReplacesOnlyItsCustomersSnapshots() {
        Csv.post("customers", "customer_id,name,home_branch_id,aum\nCS-1,同日,BR-S,1000\nCS-2,同日,BR-S,2000\n",
                "2026-09-30").statusCode(200);
        Csv.post("customers", "customer_id,name,home_branch_id,aum\nCS-1,同日,BR-S,60000\n", "2026-09-30")
                .statusCode(200);
        assertEquals(1, Db.count("select count(*) from customer_snapshot where customer_id = 'CS-1'"));
        assertEquals(new BigDecimal("60000.00"), Db.value(
                "select aum from customer_snapshot where customer_id = 'CS-1' and as_of = date '2026-09-30'"));
        assertEquals(new BigDecimal("2000.00"), Db.value(
                "select aum from customer_snapshot where customer_id = 'CS-2' and as_of = date '2026-09-30'"));
    }

    @Test
    void reimportKeepsTheManager() {
        Csv.post("customers", "customer_id,name,home_branch_id,aum\nCK-1,保留,BR-K,20000\n").statusCode(200);
        Db.execute("insert into staff (staff_id, name, role, branch_id) values ('ck-rm', 'RM', 'REMOTE_MANAGER', 'BR-K')");
        Db.execute("update customer set manager_id = 'ck-rm' where customer_id = 'CK-1'");
        Csv.post("customers", "customer_id,name,home_branch_id,aum\nCK-1,保留,BR-K,21000\n", "2026-11-21")
                .statusCode(200);
        assertEquals("ck-rm", Db.value("select manager_id from customer where customer_id = 'CK-1'"));
    }

    @Test
    void badAsOfAndUnknownKindAndCharsetAreProblems() {
        Api.admin().contentType("text/csv; charset=UTF-8").body("x").when().post("/api/imports/customers?asOf=2026-13-01")
                .then().statusCode(400).body("code", equalTo("bad-as-of"));
        Api.admin().contentType("text/csv; charset=UTF-8").body("x").when().post("/api/imports/accounts")
                .then().statusCode(404).contentType("application/problem+json");
        Api.admin().contentType("text/csv; charset=UTF-8").body("x").when().post("/api/imports/customers?charset=KLINGON")
                .then().statusCode(400).body("code", equalTo("bad-charset"));
    }

    @Test
    void jsonContentTypeIsUnsupported() {
        Api.admin().contentType("application/json").body("{}").when().post("/api/imports/customers")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void asOfDefaultsToTodayInShanghai() {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Api.admin().contentType("text/csv; charset=UTF-8").body("customer_id,name,home_branch_id,aum\nCZ-1,今天,BR-Z,1\n")
                .when().post("/api/imports/customers").then().statusCode(200).body("asOf", equalTo(today));
    }

    @Test
    void onlyAdminsAndPlannersImport() {
        String csv = "customer_id,name,home_branch_id,aum\nCR-1,权限,BR-R,1\n";
        Api.supervisor().contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/imports/customers")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/imports/customers").then().statusCode(401);
        Api.planner().contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/imports/customers").then().statusCode(200);
        assertNull(Db.value("select manager_id from customer where customer_id = 'CR-1'"));
    }
}
