package com.bank.callcenter.imports;

import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void aHomeBranchHoldingMostLeavesTheCustomerRowAsItWas() {
        Csv.customers("BR-HOME", "HH-1");
        Object updatedAt = Db.value("select updated_at::text from customer where customer_id = 'HH-1'");
        Csv.post("holdings", HEADER + """
                HH-1-a,HH-1,BR-HOME,TIME_DEPOSIT,30000,2026-12-01
                HH-1-b,HH-1,BR-EAST,FUND,10000,
                """).statusCode(200);
        assertEquals("BR-HOME", Db.value("select branch_id from customer where customer_id = 'HH-1'"));
        assertNull(Db.value("select holdings_branch_id from customer where customer_id = 'HH-1'"),
                "the home branch holds most: nothing to store (V560)");
        assertEquals(updatedAt, Db.value("select updated_at::text from customer where customer_id = 'HH-1'"));
    }

    @Test
    void movingTheHomeBranchKeepsTheBranchWithTheLargestHoldings() {
        Csv.customers("BR-HOME", "HM-1", "HM-2", "HM-3");
        Csv.post("holdings", HEADER + """
                HM-1-a,HM-1,BR-HOME,FUND,300,
                HM-1-b,HM-1,BR-EAST,FUND,100,
                HM-2-a,HM-2,BR-EAST,FUND,200,
                HM-2-b,HM-2,BR-WEST,FUND,200,
                HM-3-a,HM-3,BR-EAST,FUND,500,
                HM-3-b,HM-3,BR-HOME,FUND,100,
                """).statusCode(200);

        Csv.customers("BR-NEW", "HM-1", "HM-2", "HM-3");
        assertEquals("BR-HOME", Db.value("select branch_id from customer where customer_id = 'HM-1'"),
                "the old home branch still holds most");
        assertEquals("BR-NEW", Db.value("select branch_id from customer where customer_id = 'HM-2'"),
                "a tie follows the home branch");
        assertEquals("BR-EAST", Db.value("select branch_id from customer where customer_id = 'HM-3'"));

        Csv.customers("BR-EAST", "HM-3");
        assertEquals("BR-EAST", Db.value("select branch_id from customer where customer_id = 'HM-3'"));
        Csv.customers("BR-SOUTH", "HM-3");
        assertEquals("BR-EAST", Db.value("select branch_id from customer where customer_id = 'HM-3'"),
                "moving away from the branch holding most does not take the customer along");
        Csv.customers("BR-HOME", "HM-1");
        assertEquals("BR-HOME", Db.value("select branch_id from customer where customer_id = 'HM-1'"));
    }

    /** Into an empty holding table the file is COPYed straight into holding and checked there. */
    @Test
    void aFirstLoadIsCheckedInTheLoadedTableAndAppliedWhole() {
        Csv.customers("BR-HOME", "HF-1", "HF-2");
        Db.execute("delete from holding");
        Csv.post("holdings", HEADER + """
                HF-1-a,HF-1,BR-EAST,FUND,100,
                HF-1-b,HF-NOBODY,BR-EAST,FUND,100,
                HF-1-a,HF-NOBODY-2,BR-EAST,FUND,100,
                HF-2-a,HF-2,BR-EAST,GOLD_BAR,100,
                """).statusCode(422)
                .body("errors", hasSize(4))
                .body("errors[0].line", equalTo(3)).body("errors[0].message", equalTo("unknown customer HF-NOBODY"))
                .body("errors[1].line", equalTo(4))
                .body("errors[1].message", equalTo("duplicate holding_id HF-1-a (first on line 2)"))
                .body("errors[2].line", equalTo(4)).body("errors[2].message", equalTo("unknown customer HF-NOBODY-2"))
                .body("errors[3].line", equalTo(5)).body("errors[3].column", equalTo("product_type"));
        assertEquals(0, Db.count("select count(*) from holding"), "nothing applied");

        Csv.post("holdings", HEADER + """
                HF-1-a,HF-1,BR-EAST,FUND,100,
                HF-1-b,HF-1,BR-HOME,FUND,50,
                HF-2-a,HF-2,BR-HOME,TIME_DEPOSIT,100,2026-12-01
                """).statusCode(200).body("accepted", equalTo(3));
        assertEquals(3, Db.count("select count(*) from holding where customer_id in ('HF-1', 'HF-2')"));
        assertEquals("BR-EAST", Db.value("select branch_id from customer where customer_id = 'HF-1'"));
        assertEquals("BR-HOME", Db.value("select branch_id from customer where customer_id = 'HF-2'"));
        assertEquals(1, Db.count("""
                select count(*) from pg_indexes where tablename = 'holding' and indexname = 'holding_pkey'"""),
                "the keys are built again");
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
