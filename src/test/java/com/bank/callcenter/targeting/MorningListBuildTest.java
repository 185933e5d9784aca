package com.bank.callcenter.targeting;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MorningListBuildTest {

    @Inject
    MorningListBuild morningBuild;

    private static MorningListBuild.Outcome outcomeOf(MorningListBuild.Report report, String campaignId) {
        return report.campaigns().stream().filter(o -> o.campaignId().equals(campaignId)).findFirst()
                .orElseThrow(() -> new AssertionError(campaignId + " was not in the run"));
    }

    @Test
    void triggeredBuildMakesEveryActiveListAndReportsAFailingCampaignWithoutStopping() {
        Book book = new Book("MB-RUN").withManager();
        book.customer("MB-1", "LONG_TAIL", 20000);
        book.customer("MB-2", "LONG_TAIL", 20000);
        String good = book.campaign("mb-good", "AGENT_CALL", "{\"tier\":[\"LONG_TAIL\"]}", null);
        String bad = book.campaign("mb-broken", "AGENT_CALL", "{\"tier\":[\"NOT_A_TIER\"]}", null);
        String paused = book.campaign("mb-paused", "AGENT_CALL", "{\"tier\":[\"LONG_TAIL\"]}", null);
        Db.execute("update campaign set state = 'PAUSED' where id = ?", paused);

        MorningListBuild.Report report = morningBuild.buildAll(LocalDate.of(2026, 12, 1));

        assertTrue(report.ran());
        assertTrue(outcomeOf(report, good).built());
        assertEquals(2, outcomeOf(report, good).size());
        assertFalse(outcomeOf(report, bad).built());
        assertTrue(outcomeOf(report, bad).error().contains("NOT_A_TIER"));
        assertTrue(report.campaigns().stream().noneMatch(o -> o.campaignId().equals(paused)));
    }

    @Test
    void runningTwiceOrTwiceAtOnceNeverBuildsTheSameListTwice() throws Exception {
        Book book = new Book("MB-TWICE").withManager();
        book.customer("MT-1", "LONG_TAIL", 20000);
        String campaign = book.campaign("mb-twice", "AGENT_CALL", "{\"tier\":[\"LONG_TAIL\"]}", null);
        LocalDate day = LocalDate.of(2026, 12, 2);

        CompletableFuture<MorningListBuild.Report> first = CompletableFuture.supplyAsync(() -> morningBuild.buildAll(day));
        CompletableFuture<MorningListBuild.Report> second = CompletableFuture.supplyAsync(() -> morningBuild.buildAll(day));
        List<MorningListBuild.Report> reports = List.of(first.get(), second.get());
        MorningListBuild.Report again = morningBuild.buildAll(day);

        assertTrue(reports.stream().anyMatch(MorningListBuild.Report::ran));
        assertTrue(outcomeOf(again, campaign).alreadyBuilt());
        assertEquals(1, Db.count("select count(*) from target_list where campaign_id = ? and as_of = ?", campaign, day));
        assertEquals(1, Db.count("""
                select count(*) from list_entry e join target_list l on l.id = e.list_id
                where l.campaign_id = ? and l.as_of = ?""", campaign, day));
    }

    @Test
    void adminCanTriggerTheMorningBuildAndReadItsReport() {
        Api.admin().when().post("/api/lists/morning-build?asOf=2026-12-03").then().statusCode(200)
                .body("ran", equalTo(true)).body("asOf", equalTo("2026-12-03"));
        Api.planner().when().post("/api/lists/morning-build?asOf=2026-12-03").then().statusCode(403);
        Api.planner().when().get("/api/lists/morning-build").then().statusCode(200)
                .body("asOf", equalTo("2026-12-03"));
        assertNotNull(morningBuild.last().orElse(null));
    }
}
