package com.bank.callcenter.campaigns;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up loading of a folder with one good and one bad campaign file. */
@QuarkusTest
@TestProfile(CampaignFilesTest.MixedFolder.class)
class CampaignFilesTest {

    public static class MixedFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("callcenter.campaigns.dir", "src/test/resources/campaigns-mixed");
        }
    }

    @Inject
    CampaignFiles files;

    @TempDir
    Path folder;

    private static final String GOOD_FILE = """
            id: %s
            name: 文件活动
            channel: ROBOT_CALL
            rule:
              daysSinceLastContact: {min: 90}
            """;

    @Test
    void goodFileIsLoadedAsAFileCampaign() {
        Api.supervisor().when().get("/api/campaigns/{id}", "mixed-good").then().statusCode(200)
                .body("source", equalTo("FILE")).body("sourceFile", equalTo("good.yaml"))
                .body("state", equalTo("DRAFT")).body("version", equalTo(1))
                .body("priority", equalTo(100)).body("contactPolicy.frequencyCapDays", equalTo(7));
    }

    @Test
    void badFileIsReportedWithItsNameAndTheFieldAtFault() {
        Api.planner().when().get("/api/campaigns/file-problems").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].file", equalTo("bad.yml"))
                .body("[0].field", equalTo("rule.all[1].holding.types"))
                .body("[0].message", containsString("GOLD_BARS"));
        assertEquals(0L, Db.count("select count(*) from campaign where id = 'mixed-bad'"));
    }

    @Test
    void stateIsTakenFromTheFile() throws IOException {
        Files.writeString(folder.resolve("active.yaml"), GOOD_FILE.formatted("file-active") + "state: ACTIVE\n");
        assertEquals(List.of(), files.load(folder));
        assertEquals("ACTIVE", Db.value("select state from campaign where id = 'file-active'"));
    }

    @Test
    void unchangedFileLeavesTheVersionAlone() throws IOException {
        Files.writeString(folder.resolve("same.yaml"), GOOD_FILE.formatted("file-same"));
        files.load(folder);
        files.load(folder);
        assertEquals(1, Db.value("select version from campaign where id = 'file-same'"));
    }

    @Test
    void changedFileUpdatesTheCampaignAndRaisesTheVersion() throws IOException {
        Path file = folder.resolve("changing.yaml");
        Files.writeString(file, GOOD_FILE.formatted("file-changing"));
        files.load(folder);
        Files.writeString(file, GOOD_FILE.formatted("file-changing").replace("文件活动", "改过的文件活动"));
        assertEquals(List.of(), files.load(folder));
        assertEquals(2, Db.value("select version from campaign where id = 'file-changing'"));
        assertEquals("改过的文件活动", Db.value("select name from campaign where id = 'file-changing'"));
    }

    @Test
    void campaignCreatedThroughTheApiIsNotOverwrittenByAFile() throws IOException {
        String id = Definitions.created("api-kept");
        Files.writeString(folder.resolve("clash.yaml"), GOOD_FILE.formatted(id));
        List<FileProblem> problems = files.load(folder);
        assertEquals(1, problems.size());
        assertEquals("clash.yaml", problems.get(0).file());
        assertEquals("id", problems.get(0).field());
        assertTrue(problems.get(0).message().contains(id), problems.get(0).message());
        Api.planner().when().get("/api/campaigns/{id}", id).then().statusCode(200)
                .body("source", equalTo("API")).body("channel", equalTo("AGENT_CALL")).body("version", equalTo(1));
    }

    @Test
    void fileCampaignEditedThroughTheApiIsNoLongerOverwrittenByItsFile() throws IOException {
        Files.writeString(folder.resolve("edited.yaml"), GOOD_FILE.formatted("file-edited"));
        files.load(folder);
        Api.planner().contentType("application/json").body(Definitions.minimal("file-edited"))
                .when().put("/api/campaigns/{id}", "file-edited").then().statusCode(200)
                .body("source", equalTo("API"));
        assertEquals("id", files.load(folder).get(0).field());
        assertEquals("AGENT_CALL", Db.value("select channel from campaign where id = 'file-edited'"));
    }

    @Test
    void unknownFieldInAFileIsReportedNamingIt() throws IOException {
        Files.writeString(folder.resolve("typo.yaml"), GOOD_FILE.formatted("file-typo")
                + "contactPolicy:\n  frequencyCapDayz: 3\n");
        List<FileProblem> problems = files.load(folder);
        assertEquals("contactPolicy.frequencyCapDayz", problems.get(0).field());
        assertEquals(0L, Db.count("select count(*) from campaign where id = 'file-typo'"));
    }

    @Test
    void constraintViolationInAFileIsReportedNamingTheField() throws IOException {
        Files.writeString(folder.resolve("cap.yaml"), GOOD_FILE.formatted("file-cap")
                + "contactPolicy:\n  frequencyCapDays: 400\n");
        assertEquals("contactPolicy.frequencyCapDays", files.load(folder).get(0).field());
    }

    @Test
    void secondFileWithTheSameIdIsReported() throws IOException {
        Files.writeString(folder.resolve("a.yaml"), GOOD_FILE.formatted("file-twice"));
        Files.writeString(folder.resolve("b.yaml"), GOOD_FILE.formatted("file-twice"));
        List<FileProblem> problems = files.load(folder);
        assertEquals(List.of(new FileProblem("b.yaml", "id", "campaign file-twice is already defined by a.yaml")),
                problems);
        assertEquals("a.yaml", Db.value("select source_file from campaign where id = 'file-twice'"));
    }

    @Test
    void shippedFolderLoadsIntoTheDatabaseWithoutProblems() {
        assertEquals(List.of(), files.load(Path.of("campaigns")));
        Api.supervisor().when().get("/api/campaigns/{id}", "cross-bank-outflow").then().statusCode(200)
                .body("source", equalTo("FILE")).body("sourceFile", equalTo("cross-bank-outflow.yaml"))
                .body("priority", equalTo(10)).body("rule.outflow.minAmount", equalTo(10000))
                .body("schedule.windowStart", equalTo("09:00:00"));
        assertEquals(7L, Db.count("select count(*) from campaign where source = 'FILE' and source_file in "
                + "('maturing-retention.yaml', 'long-tail-activation.yaml', 'cross-bank-outflow.yaml', "
                + "'tier-downgrade-winback.yaml', 'near-upgrade.yaml', 'payroll-prospects.yaml', 'churn-risk.yaml')"));
    }

    @Test
    void filesOtherThanYamlAreIgnored() throws IOException {
        Files.writeString(folder.resolve("notes.txt"), "not a campaign");
        Files.writeString(folder.resolve("only.yml"), GOOD_FILE.formatted("file-only"));
        assertEquals(List.of(), files.load(folder));
        assertEquals(1L, Db.count("select count(*) from campaign where id = 'file-only'"));
    }
}
