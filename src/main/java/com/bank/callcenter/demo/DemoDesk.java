package com.bank.callcenter.demo;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.campaigns.CampaignFileReader;
import com.bank.callcenter.campaigns.CampaignService;
import com.bank.callcenter.campaigns.CampaignState;
import com.bank.callcenter.campaigns.CampaignTransition;
import com.bank.callcenter.campaigns.CampaignsConfig;
import com.bank.callcenter.campaigns.Channel;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.targeting.ListBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import org.eclipse.microprofile.context.ManagedExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Embedded default: once {@link DemoData} has imported the demo bank on this start and the
 * campaign files are loaded ({@code CampaignFiles}, priority 30), starts every shipped AGENT_CALL
 * campaign still in DRAFT and builds its list for today with the {@link ListBuilder} the morning
 * build uses, so that an RM (e.g. rm001) finds customers in their queue at once. The files' own
 * {@code state:} is untouched: without demo data they load exactly as they say.
 */
@ApplicationScoped
public class DemoDesk {

    static final int ORDER = 40;
    private static final Logger LOG = Logger.getLogger(DemoDesk.class);

    /** What opening the desk did to one shipped AGENT_CALL campaign. */
    public record Opened(String campaignId, boolean started, long listId, int size) {
    }

    private final DemoData demoData;
    private final CampaignService campaigns;
    private final CampaignsConfig campaignsConfig;
    private final ListBuilder lists;
    private final CampaignFileReader reader;
    private final CallCenterConfig config;
    private final ManagedExecutor executor;

    public DemoDesk(DemoData demoData, CampaignService campaigns, CampaignsConfig campaignsConfig, ListBuilder lists,
                    Validator validator, CallCenterConfig config, ManagedExecutor executor) {
        this.executor = executor;
        this.demoData = demoData;
        this.campaigns = campaigns;
        this.campaignsConfig = campaignsConfig;
        this.lists = lists;
        this.reader = new CampaignFileReader(validator);
        this.config = config;
    }

    /**
     * After the service is up, not before: on a fresh demo bank some lists take long to build (the
     * churn-risk rule over every customer's history), and the pages and the desk answer meanwhile;
     * each RM's queue fills as its campaigns' lists are built.
     */
    void onStart(@Observes @Priority(ORDER) StartupEvent event) {
        if (demoData.loadedOnThisStart()) {
            executor.runAsync(() -> open(campaignsConfig.dir(), LocalDate.now(config.zone())));
        }
    }

    /**
     * Starts the AGENT_CALL campaigns of the files in {@code dir} (those stored from a file and
     * still DRAFT) and builds the list of every one that is ACTIVE for {@code asOf}. A campaign
     * that fails is logged and left out; the service still starts.
     */
    public List<Opened> open(Path dir, LocalDate asOf) {
        List<Opened> opened = new ArrayList<>();
        for (Path file : CampaignFileReader.campaignFiles(dir)) {
            String id;
            try {
                CampaignDefinition definition = reader.read(file);
                if (definition.channel() != Channel.AGENT_CALL) {
                    continue;
                }
                id = definition.id();
            } catch (RuntimeException e) {
                continue; // CampaignFiles has logged and listed it
            }
            try {
                openOne(id, asOf).ifPresent(opened::add);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Demo desk: campaign %s could not be started or its list built", id);
            }
        }
        LOG.infof("Demo desk: %d AGENT_CALL campaigns active with a list for %s: %s", opened.size(), asOf, opened);
        return List.copyOf(opened);
    }

    private Optional<Opened> openOne(String id, LocalDate asOf) {
        Optional<Campaign> stored = QuarkusTransaction.requiringNew().call(() -> Campaign.findByCampaignId(id));
        if (stored.isEmpty() || stored.get().source != Campaign.Source.FILE) {
            return Optional.empty();
        }
        boolean started = false;
        if (stored.get().state == CampaignState.DRAFT) {
            QuarkusTransaction.requiringNew().run(() -> campaigns.transition(id, CampaignTransition.START, DemoData.IMPORTED_BY));
            started = true;
        }
        Campaign campaign = QuarkusTransaction.requiringNew().call(() -> Campaign.findByCampaignId(id)).orElseThrow();
        if (campaign.state != CampaignState.ACTIVE) {
            return Optional.empty();
        }
        ListBuilder.Built built = lists.build(campaign, asOf, DemoData.IMPORTED_BY);
        return Optional.of(new Opened(id, started, built.listId(), built.size()));
    }
}
