package com.bank.callcenter.targeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A frozen target list: built once per campaign and date, never changed afterwards. */
@Entity
@Table(name = "target_list")
public class TargetList extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Column(name = "campaign_version")
    public int campaignVersion;

    public int size;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> excluded;

    @Column(name = "build_millis")
    public long buildMillis;

    @Column(name = "built_by")
    public String builtBy;

    @Column(name = "built_at")
    public Instant builtAt;
}
