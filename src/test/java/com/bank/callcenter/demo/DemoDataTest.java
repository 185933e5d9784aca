package com.bank.callcenter.demo;

import com.bank.callcenter.campaigns.CampaignFiles;
import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DemoDataTest {

    private static final int CUSTOMERS = 3_000;
    private static final Path SHIPPED = Path.of("campaigns");

    @Inject
    DemoData demoData;

    @Inject
    DemoDesk demoDesk;

    @Inject
    CampaignFiles campaignFiles;

    @Test
    void demoDataIsNotLoadedWhenNoDemoCustomersAreConfigured() {
        // %test.callcenter.demo.customers=0: tests bring their own data
        assertFalse(demoData.shouldLoad());
    }

    @Test
    void demoBankIsImportedThroughTheImportsWithWorkingDemoLoginsAndTheDeskOpens() {
        // today: the demo start-up generates its bank as of today and builds today's lists
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        boolean loaded = demoData.load(DemoDataGenerator.Options.defaults(today)
                .withCustomers(CUSTOMERS).withManagers(3).withBranches(2).withSeed(11));

        assertTrue(loaded);
        assertEquals(CUSTOMERS, Db.count("select count(*) from customer where customer_id ~ '^C[0-9]{9}$'"));
        assertTrue(Db.count("select count(*) from holding where customer_id ~ '^C[0-9]{9}$'") > CUSTOMERS,
                "holdings were imported");
        assertTrue(Db.count("select count(*) from transfer where customer_id ~ '^C[0-9]{9}$' and same_name") > 0,
                "same-name outflows were imported");
        Api.as("rm001").when().get("/api/users/me").then().statusCode(200).body("roles", hasItem("RM"));
        assertTrue(Db.count("select count(*) from customer where customer_id ~ '^C[0-9]{9}$' and manager_id like 'rm%'") > 0,
                "long-tail customers were given to the demo RMs");

        // what DemoDesk does at start-up after the demo load and the campaign files (the shipped folder)
        assertEquals(List.of(), campaignFiles.load(SHIPPED));
        List<String> agentCampaigns = List.of("churn-risk", "cross-bank-outflow", "maturing-retention", "near-upgrade",
                "tier-downgrade-winback");
        try {
            List<DemoDesk.Opened> opened = demoDesk.open(SHIPPED, today);
            assertEquals(agentCampaigns, opened.stream().map(DemoDesk.Opened::campaignId).sorted().toList());
            for (String id : agentCampaigns) {
                assertEquals("ACTIVE", Db.value("select state from campaign where id = ?", id), id);
                assertEquals(1, Db.count("select count(*) from target_list where campaign_id = ? and as_of = ?", id, today),
                        id + " has a list for today");
            }
            assertEquals("DRAFT", Db.value("select state from campaign where id = 'payroll-prospects'"),
                    "robot campaigns are not the desk's: they stay as their files say");
            assertEquals("DRAFT", Db.value("select state from campaign where id = 'long-tail-activation'"),
                    "the robot campaign is left as its file says");
            long rm001 = 0;
            for (DemoDesk.Opened list : opened) {
                String count = Api.as("rm001").when().get("/api/lists/" + list.listId() + "/entries?size=1")
                        .then().statusCode(200).extract().header("X-Total-Count");
                rm001 += Long.parseLong(count);
            }
            assertTrue(rm001 > 0, "rm001 has customers in today's lists: " + opened);
            // opening again (a second start) neither restarts nor rebuilds
            assertTrue(demoDesk.open(SHIPPED, today).stream().noneMatch(DemoDesk.Opened::started));
            assertEquals(agentCampaigns.size(), Db.count("""
                    select count(*) from target_list where as_of = ? and campaign_id = any(?)""",
                    today, agentCampaigns.toArray(String[]::new)));
        } finally {
            // other tests share this database: the shipped campaigns must not stay ACTIVE
            Db.execute("update campaign set state = 'ENDED' where source = 'FILE' and source_file is not null"
                    + " and id = any(?)", (Object) agentCampaigns.toArray(String[]::new));
        }
    }
}
