package com.bank.callcenter.books;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A change of a customer's manager: who asked, who decided, when and why. */
@Entity
@Table(name = "book_change")
public class BookChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "from_manager_id")
    public String fromManagerId;

    /** Null removes the customer from any book. */
    @Column(name = "to_manager_id")
    public String toManagerId;

    public String reason;

    @Enumerated(EnumType.STRING)
    public BookChangeState state = BookChangeState.PENDING;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt = Instant.now();

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The request with its row locked, so that two supervisors cannot both decide it. */
    public static Optional<BookChange> findForDecision(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Changes filtered by state and/or customer (either may be null), newest first, at most {@code limit}. */
    public static List<BookChange> search(BookChangeState state, String customerId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (state != null) {
            where.add("state = :state");
            parameters.and("state", state);
        }
        if (customerId != null) {
            where.add("customerId = :customerId");
            parameters.and("customerId", customerId);
        }
        String filter = where.isEmpty() ? "" : String.join(" and ", where) + " ";
        return find(filter + "order by requestedAt desc, id desc", parameters).range(0, limit - 1).list();
    }
}
