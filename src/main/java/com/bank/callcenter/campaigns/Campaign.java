package com.bank.callcenter.campaigns;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored campaign: its definition as written, its state and where it came from. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    public enum Source { FILE, API }

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public CampaignState state;

    public int priority;

    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "source_file")
    public String sourceFile;

    public int version;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Campaign> findByCampaignId(String id) {
        return findByIdOptional(id);
    }

    /** Every campaign, the one that runs first (lowest priority) first. */
    public static List<Campaign> byPriority() {
        return listAll(Sort.by("priority").and("id"));
    }

    public static List<Campaign> active() {
        return list("state", CampaignState.ACTIVE);
    }
}
