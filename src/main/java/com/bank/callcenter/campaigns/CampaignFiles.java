package com.bank.callcenter.campaigns;

import com.bank.callcenter.common.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the campaign files (*.yaml, *.yml in {@code callcenter.campaigns.dir}) at start-up,
 * after the first users (priority 10) and the demo data (20). A bad file is logged and listed
 * by {@code GET /api/campaigns/file-problems}; it never stops the service.
 */
@ApplicationScoped
public class CampaignFiles {

    static final int ORDER = 30;
    private static final Logger LOG = Logger.getLogger(CampaignFiles.class);

    private final CampaignService campaigns;
    private final CampaignsConfig config;
    private final CampaignFileReader reader;
    /** What the start-up load of this instance found wrong; every instance reads the same folder. */
    private volatile List<FileProblem> problems = List.of();

    public CampaignFiles(CampaignService campaigns, CampaignsConfig config, Validator validator) {
        this.campaigns = campaigns;
        this.config = config;
        this.reader = new CampaignFileReader(validator);
    }

    void onStart(@Observes @Priority(ORDER) StartupEvent event) {
        problems = load(config.dir());
    }

    /** The files the start-up load could not take. */
    public List<FileProblem> problems() {
        return problems;
    }

    /** Reads every campaign file of the folder into the database; returns the files it could not take. */
    public List<FileProblem> load(Path dir) {
        List<Path> files = CampaignFileReader.campaignFiles(dir);
        if (files.isEmpty()) {
            LOG.infof("no campaign files in %s", dir.toAbsolutePath());
        }
        List<FileProblem> found = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                CampaignDefinition definition = reader.read(file);
                String earlier = fileById.putIfAbsent(definition.id(), name);
                if (earlier != null) {
                    throw new CampaignFileReader.Invalid("id",
                            "campaign " + definition.id() + " is already defined by " + earlier);
                }
                CampaignService.FileOutcome outcome = campaigns.upsertFromFile(definition, name);
                LOG.infof("campaign file %s: %s %s", name, definition.id(), outcome);
            } catch (CampaignFileReader.Invalid e) {
                found.add(new FileProblem(name, e.field(), e.getMessage()));
            } catch (ProblemException e) {
                Object field = e.extensions().get("field");
                found.add(new FileProblem(name, field == null ? "" : field.toString(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "campaign file %s could not be stored", name);
                found.add(new FileProblem(name, "", "could not be stored: " + e.getMessage()));
            }
        }
        found.forEach(problem -> LOG.warnf("campaign file %s not loaded: %s: %s",
                problem.file(), problem.field(), problem.message()));
        return List.copyOf(found);
    }
}
