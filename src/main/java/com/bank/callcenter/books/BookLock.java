package com.bank.callcenter.books;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** A locked assessment period (YYYY-MM): while it is current, books change only by approval. */
@Entity
@Table(name = "book_lock")
public class BookLock extends PanacheEntityBase {

    @Id
    public String period;

    @Column(name = "locked_by")
    public String lockedBy;

    @Column(name = "locked_at")
    public Instant lockedAt = Instant.now();

    /** Locks the period unless it is locked already (also when two requests race); true if it was not. */
    public static boolean lockIfUnlocked(YearMonth period, String username) {
        return getEntityManager().createNativeQuery("""
                        insert into book_lock (period, locked_by, locked_at) values (?1, ?2, now())
                        on conflict (period) do nothing""")
                .setParameter(1, period.toString())
                .setParameter(2, username)
                .executeUpdate() == 1;
    }

    public static BookLock find(YearMonth period) {
        return findById(period.toString());
    }

    public static boolean isLocked(YearMonth period) {
        return findById(period.toString()) != null;
    }

    public static List<BookLock> listNewestFirst() {
        return list("order by period desc");
    }
}
