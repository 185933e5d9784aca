package com.bank.callcenter.books;

import com.bank.callcenter.audit.AuditEntry;
import com.bank.callcenter.common.ClusterLock;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.config.CallCenterConfig;
import com.bank.callcenter.customers.BookAccess;
import com.bank.callcenter.customers.Customer;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.staff.Staff;
import com.bank.callcenter.staff.StaffRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Books of the remote managers: automatic assignment, period locks, and change requests that
 * a supervisor approves. Every change of a customer's manager is kept in book_change.
 */
@ApplicationScoped
@Transactional
public class BookService {

    private final BookAssignment assignment;
    private final BookPeriods periods;
    private final ClusterLock clusterLock;
    private final CallCenterConfig.Books settings;
    private final CurrentUser currentUser;

    public BookService(BookAssignment assignment, BookPeriods periods, ClusterLock clusterLock,
                       CallCenterConfig config, CurrentUser currentUser) {
        this.assignment = assignment;
        this.periods = periods;
        this.clusterLock = clusterLock;
        this.settings = config.books();
        this.currentUser = currentUser;
    }

    /**
     * Gives every waiting LONG_TAIL customer a manager. One instance at a time (Redis lock),
     * and never while the current period is locked.
     */
    @Transactional(Transactional.TxType.NEVER)
    public AssignmentOutcome assign() {
        String username = currentUser.username();
        try (ClusterLock.Held held = clusterLock.tryAcquire(settings.assignLockKey(), settings.assignLockTtl())
                .orElseThrow(() -> ProblemException.conflict("assignment-running",
                        "another automatic assignment is running; try again when it has finished"))) {
            return QuarkusTransaction.requiringNew().call(() -> {
                ensureCurrentPeriodUnlocked();
                return assignment.assignUnassigned(settings.maxCustomersPerManager(), username);
            });
        }
    }

    /** Locks a period (audited); locking a locked period changes nothing. */
    public BookLock lock(YearMonth period) {
        if (BookLock.lockIfUnlocked(period, currentUser.username())) {
            AuditEntry.record(currentUser.username(), AuditEntry.LOCK_BOOKS, period.toString());
        }
        return BookLock.find(period);
    }

    /** Unlocks a period (audited, as the lock row itself goes); unlocking an unlocked period changes nothing. */
    public void unlock(YearMonth period) {
        if (BookLock.deleteById(period.toString())) {
            AuditEntry.record(currentUser.username(), AuditEntry.UNLOCK_BOOKS, period.toString());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BookLock> locks() {
        return BookLock.listNewestFirst();
    }

    /**
     * Records a change request. A supervisor's or admin's is applied at once unless the current
     * period is locked; an RM's (for a customer in their own book) always waits for approval.
     */
    public BookChange requestChange(NewBookChange request) {
        Customer customer = Customer.findByCustomerId(request.customerId())
                .orElseThrow(() -> ProblemException.notFound("customer", request.customerId()));
        boolean remoteManagerOnly = currentUser.isOnlyRemoteManager();
        if (remoteManagerOnly) {
            BookAccess.checkInBook(customer, currentUser.staffId()
                    .orElseThrow(() -> ProblemException.forbidden("this login has no staff record")));
        }
        if (Objects.equals(customer.managerId, request.toManagerId())) {
            throw ProblemException.conflict("no-change", "customer " + customer.customerId
                    + " is already " + (customer.managerId == null ? "in no book" : "in the book of " + customer.managerId));
        }
        if (request.toManagerId() != null) {
            activeRemoteManager(request.toManagerId(), LockModeType.NONE);
        }
        BookChange change = new BookChange();
        change.customerId = customer.customerId;
        change.fromManagerId = customer.managerId;
        change.toManagerId = request.toManagerId();
        change.reason = request.reason().strip();
        change.requestedBy = currentUser.username();
        change.requestedAt = Instant.now();
        boolean applyNow = !remoteManagerOnly && !BookLock.isLocked(periods.current());
        if (applyNow) {
            apply(change);
        }
        change.persist();
        return change;
    }

    /** Applies a pending request: the customer moves to the requested book. */
    public BookChange approve(long changeId) {
        BookChange change = pendingChange(changeId, BookChangeState.APPLIED);
        apply(change);
        return change;
    }

    /** Rejects a pending request: nothing moves, the decision is kept. */
    public BookChange reject(long changeId) {
        BookChange change = pendingChange(changeId, BookChangeState.REJECTED);
        decide(change, BookChangeState.REJECTED);
        return change;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BookChange> changes(BookChangeState state, String customerId, int limit) {
        return BookChange.search(state, customerId, limit);
    }

    /** A manager's book: size, capacity and tier mix. An RM sees only their own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BookSummary summary(String staffId) {
        Staff staff = Staff.findByStaffId(staffId).orElseThrow(() -> ProblemException.notFound("staff", staffId));
        if (currentUser.isOnlyRemoteManager() && !isOwnBook(staffId)) {
            throw ProblemException.forbidden("you may only see your own book");
        }
        return new BookSummary(staff.staffId, staff.name, staff.branchId, Customer.countInBook(staffId),
                settings.maxCustomersPerManager(), Customer.tierMixOfBook(staffId));
    }

    private boolean isOwnBook(String managerId) {
        return managerId != null && currentUser.staffId().map(managerId::equals).orElse(false);
    }

    private BookChange pendingChange(long changeId, BookChangeState next) {
        BookChange change = BookChange.findForDecision(changeId)
                .orElseThrow(() -> ProblemException.notFound("book change", changeId));
        if (!change.state.canBecome(next)) {
            throw ProblemException.conflict("already-decided", "book change " + changeId + " was already "
                    + change.state + " by " + change.decidedBy + " at " + change.decidedAt);
        }
        return change;
    }

    /**
     * Moves the customer. Locks the target manager's row, then the customer's, in the order the
     * automatic assignment uses, so the capacity check holds until commit.
     */
    private void apply(BookChange change) {
        if (change.toManagerId != null) {
            activeRemoteManager(change.toManagerId, LockModeType.PESSIMISTIC_WRITE);
        }
        Customer customer = Customer.findForUpdate(change.customerId)
                .orElseThrow(() -> ProblemException.notFound("customer", change.customerId));
        if (Objects.equals(customer.managerId, change.toManagerId)) {
            throw ProblemException.conflict("no-change", "customer " + customer.customerId
                    + " is already where the change would put them");
        }
        if (change.toManagerId != null && Customer.countInBook(change.toManagerId) >= settings.maxCustomersPerManager()) {
            throw new ProblemException(Status.CONFLICT, "book-full",
                    "the book of " + change.toManagerId + " already holds " + settings.maxCustomersPerManager()
                            + " customers", Map.of("capacity", settings.maxCustomersPerManager()));
        }
        change.fromManagerId = customer.managerId;
        customer.managerId = change.toManagerId;
        customer.updatedAt = Instant.now();
        decide(change, BookChangeState.APPLIED);
    }

    private void decide(BookChange change, BookChangeState state) {
        change.state = state;
        change.decidedBy = currentUser.username();
        change.decidedAt = Instant.now();
    }

    private static Staff activeRemoteManager(String staffId, LockModeType lock) {
        Staff staff = Staff.findById(staffId, lock);
        if (staff == null || !staff.active || staff.role != StaffRole.REMOTE_MANAGER) {
            throw ProblemException.conflict("not-a-remote-manager",
                    staffId + " is not an active remote manager");
        }
        return staff;
    }

    private void ensureCurrentPeriodUnlocked() {
        YearMonth current = periods.current();
        if (BookLock.isLocked(current)) {
            throw new ProblemException(Status.CONFLICT, "book-locked", "the books of period " + current
                    + " are locked: changes need a change request approved by a supervisor",
                    Map.of("period", current.toString()));
        }
    }
}
