package com.bank.callcenter.imports;

import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class HoldingsImportTest {

    private static final String HEADER = "holding_id,customer_id,branch_id,product_type,amount,maturity_date\n";

    @Test
    void customerBelongsToTheBranchWithTheLargestHoldings() {
        Csv.customers("BR-HOME", "HA-1");
        Csv.post("holdings", HEADER + """
                HA-1-a,HA-1,BR-EAST,TIME_DEPOSIT,30000,2026-12-01
                HA-1-b,HA-1,BR-WEST,FUND,10000,
                HA-1-c,HA-1,BR-WEST,WEALTH,15000,2026-12-20
                """).statusCode(200).body("kind", equalTo("holdings")).body("accepted", equalTo(3));
        assertEquals("BR-EAST", Db.value("select branch_id from customer where customer_id = 'HA-1'"));
    }

    @Test
    void tieGoesToTheHomeBranch() {
        Csv.customers("BR-HOME", "HT-1");
        Csv.post("holdings", HEADER + """
                HT-1-a,HT-1,BR-EAST,FUND,20000,
                HT-1-b,HT-1,BR-WEST,FUND,20000,
                """).statusCode(200);
        assertEquals("BR-HOME", Db.value("select branch_id from customer where customer_id = 'HT-1'"));
    }

    @Test
    void customerWithoutHoldingsStaysAtTheHomeBranch() {
        Csv.customers("BR-HOME", "HN-1");
        assertEquals("BR-HOME", Db.value("select branch_id from customer where customer_id = 'HN-1'"));
    }

    @Test
    void importReplacesTheHoldingsOfTheCustomersItNamesOnly() {
        Csv.customers("BR-HOME", "HR-1", "HR-2");
        Csv.post("holdings", HEADER + """
                HR-1-a,HR-1,BR-EAST,FUND,100,
                HR-1-b,HR-1,BR-EAST,FUND,100,
                HR-2-a,HR-2,BR-WEST,FUND,100,
                """).statusCode(200);
        Csv.post("holdings", HEADER + "HR-1-c,HR-1,BR-NORTH,INSURANCE,500,\n").statusCode(200);
        assertEquals(1, Db.count("select count(*) from holding where customer_id = 'HR-1'"));
        assertEquals("HR-1-c", Db.value("select holding_id from holding where customer_id = 'HR-1'"));
        assertEquals(1, Db.count("select count(*) from holding where customer_id = 'HR-2'"), "HR-2 was not named");
        assertEquals("BR-NORTH", Db.value("select branch_id from customer where customer_id = 'HR-1'"));
    }

    @Test
    void unknownCustomersAndMissingMaturitiesRejectTheFile() {
        Csv.customers("BR-HOME", "HB-1");
        Csv.post("holdings", HEADER + """
                HB-1-a,HB-1,BR-EAST,FUND,100,
                HB-1-b,HB-NOPE,BR-EAST,FUND,100,
                HB-1-c,HB-1,BR-EAST,TIME_DEPOSIT,100,
                HB-1-d,HB-1,BR-EAST,GOLD_BAR,100,
                HB-1-e,HB-1,BR-EAST,WEALTH,100,2026-02-30
                """).statusCode(422)
                .body("errors", hasSize(4))
                .body("errors[0].line", equalTo(3)).body("errors[0].message", containsString("unknown customer HB-NOPE"))
                .body("errors[1].line", equalTo(4)).body("errors[1].column", equalTo("maturity_date"))
                .body("errors[2].line", equalTo(5)).body("errors[2].column", equalTo("product_type"))
                .body("errors[3].line", equalTo(6)).body("errors[3].message", containsString("not a date"));
        assertEquals(0, Db.count("select count(*) from holding where customer_id = 'HB-1'"));
    }

    @Test
    void unknownCustomerIsReportedByLine() {
        Csv.post("holdings", HEADER + "HU-1-a,HU-NOBODY,BR-EAST,FUND,100,\n").statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].column", equalTo("customer_id"))
                .body("errors[0].message", containsString("unknown customer HU-NOBODY"));
    }

    @Test
    void duplicatedHoldingIdsAreErrors() {
        Csv.customers("BR-HOME", "HD-1");
        Csv.post("holdings", HEADER + """
                HD-1-a,HD-1,BR-EAST,FUND,100,
                HD-1-a,HD-1,BR-EAST,FUND,200,
                """).statusCode(422).body("errors[0].line", equalTo(3))
                .body("errors[0].column", equalTo("holding_id"));
    }
}
