package com.bank.callcenter.targeting;

import com.bank.callcenter.campaigns.Campaign;
import com.bank.callcenter.campaigns.CampaignDefinition;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.lists.ListEntries;
import com.bank.callcenter.lists.ListEntryView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Previews and builds target lists: one SQL statement evaluates the rule, the exclusions and the
 * order over the whole book and, for a build, writes the frozen entries.
 */
@ApplicationScoped
public class ListBuilder {

    private static final Logger LOG = Logger.getLogger(ListBuilder.class);
    private static final long NANOS_PER_MILLI = 1_000_000;

    public record Preview(long count, Map<String, Long> excluded, List<ListEntryView> sample) {
    }

    public record Built(long listId, int size, Map<String, Long> excluded, long buildMillis, boolean alreadyBuilt) {
    }

    private final AgroalDataSource dataSource;
    private final ListSql listSql;
    private final ObjectMapper json;
    private final CallCenterConfig.Lists settings;
    private final ListEntries listEntries;

    public ListBuilder(AgroalDataSource dataSource, ListSql listSql, ObjectMapper json, CallCenterConfig config,
                       ListEntries listEntries) {
        this.dataSource = dataSource;
        this.listSql = listSql;
        this.json = json;
        this.settings = config.lists();
        this.listEntries = listEntries;
    }

    public CampaignDefinition definitionOf(Campaign campaign) {
        try {
            return json.readValue(campaign.definition, CampaignDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored definition of campaign " + campaign.id + " is unreadable", e);
        }
    }

    /**
     * One pass over the book: the exclusion counts and the first entries come from the same
     * evaluation of the rule ("ranked", read twice, is computed once).
     */
    public Preview preview(Campaign campaign, LocalDate asOf) {
        Sql flagged = listSql.flagged(definitionOf(campaign), asOf);
        Sql sql = flagged.then(Sql.of("""
                 select true as is_count, excluded_by, count(*) as n, null as customer_id, null as reason,
                        null::bigint as rank, null as manager_id
                 from ranked group by excluded_by
                 union all
                 select false, null, null, customer_id, reason, rank, manager_id
                 from ranked where excluded_by is null and rank <= ?
                 order by 1 desc, 6""", settings.previewSample()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = sql.prepare(connection); ResultSet rows = statement.executeQuery()) {
            Map<String, Long> counts = zeroCounts();
            List<ListEntryView> sample = new ArrayList<>();
            while (rows.next()) {
                if (rows.getBoolean(1)) {
                    String key = rows.getString(2);
                    counts.put(key == null ? INCLUDED : key, rows.getLong(3));
                } else {
                    sample.add(new ListEntryView(rows.getString(4), rows.getString(5), rows.getInt(6), rows.getString(7)));
                }
            }
            long count = counts.remove(INCLUDED);
            return new Preview(count, counts, sample);
        } catch (SQLException e) {
            throw new IllegalStateException("preview of campaign " + campaign.id + " failed", e);
        }
    }

    /**
     * Builds and freezes the list of a campaign for a date; a list already built for that date is
     * returned as it is (two service instances racing here meet at the unique key).
     */
    public Built build(Campaign campaign, LocalDate asOf, String builtBy) {
        CampaignDefinition definition = definitionOf(campaign);
        Sql flagged = listSql.flagged(definition, asOf);
        return QuarkusTransaction.requiringNew().call(() -> {
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                Long listId = claim(connection, campaign, asOf, builtBy);
                if (listId == null) {
                    return existing(connection, campaign.id, asOf);
                }
                Map<String, Long> counts = writeEntries(connection, listId, flagged);
                int size = counts.remove(INCLUDED).intValue();
                long millis = (System.nanoTime() - started) / NANOS_PER_MILLI;
                try (PreparedStatement update = connection.prepareStatement(
                        "update target_list set size = ?, excluded = ?::jsonb, build_millis = ? where id = ?")) {
                    update.setInt(1, size);
                    update.setString(2, json.writeValueAsString(counts));
                    update.setLong(3, millis);
                    update.setLong(4, listId);
                    update.executeUpdate();
                }
                LOG.infof("list %d of campaign %s as of %s: %d entries in %d ms, excluded %s", listId, campaign.id,
                        asOf, size, millis, counts);
                return new Built(listId, size, counts, millis, false);
            }
        });
    }

    private static final String INCLUDED = "included";
    private static final TypeReference<LinkedHashMap<String, Long>> EXCLUSION_COUNTS = new TypeReference<>() {
    };

    private static Long claim(Connection connection, Campaign campaign, LocalDate asOf, String builtBy) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into target_list (campaign_id, as_of, campaign_version, size, excluded, build_millis, built_by)
                values (?, ?, ?, 0, '{}'::jsonb, 0, ?) on conflict (campaign_id, as_of) do nothing returning id""")) {
            insert.setString(1, campaign.id);
            insert.setObject(2, asOf);
            insert.setInt(3, campaign.version);
            insert.setString(4, builtBy);
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private Built existing(Connection connection, String campaignId, LocalDate asOf) throws SQLException, JsonProcessingException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, size, excluded::text, build_millis from target_list where campaign_id = ? and as_of = ?")) {
            select.setString(1, campaignId);
            select.setObject(2, asOf);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("list of campaign " + campaignId + " as of", asOf);
                }
                Map<String, Long> excluded = json.readValue(rows.getString(3), EXCLUSION_COUNTS);
                return new Built(rows.getLong(1), rows.getInt(2), excluded, rows.getLong(4), true);
            }
        }
    }

    /**
     * One statement evaluates the rule once, writes the kept customers as the list's entries and
     * answers the counts per exclusion (an INSERT … SELECT runs without parallel workers, but a
     * query plus COPY paid more to carry every entry to the service and back).
     */
    private Map<String, Long> writeEntries(Connection connection, long listId, Sql flagged) throws SQLException {
        Map<String, Long> counts = zeroCounts();
        Sql statement = flagged.then(Sql.of(", " + listEntries.insertKeptFromRanked(), listId))
                .then(Sql.of(" select excluded_by, count(*) from ranked group by excluded_by"));
        long started = System.nanoTime();
        try (PreparedStatement query = statement.prepare(connection); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String key = rows.getString(1);
                counts.put(key == null ? INCLUDED : key, rows.getLong(2));
            }
        }
        LOG.debugf("list %d: statement %d ms", listId, (System.nanoTime() - started) / NANOS_PER_MILLI);
        return counts;
    }

    private static Map<String, Long> zeroCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(INCLUDED, 0L);
        for (Exclusion exclusion : Exclusion.values()) {
            counts.put(exclusion.name(), 0L);
        }
        return counts;
    }
}
