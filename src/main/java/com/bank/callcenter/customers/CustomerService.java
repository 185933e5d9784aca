package com.bank.callcenter.customers;

import com.bank.callcenter.audit.AuditEntry;
import com.bank.callcenter.common.ProblemException;
import com.bank.callcenter.security.CurrentUser;
import com.bank.callcenter.staff.Staff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Customer data for the people who serve them; every view is audited. */
@ApplicationScoped
@Transactional
public class CustomerService {

    private final CurrentUser currentUser;
    private final BookAccess book;

    public CustomerService(CurrentUser currentUser, BookAccess book) {
        this.currentUser = currentUser;
        this.book = book;
    }

    /** The customer, if the caller may read them: 404 unknown, 403 for an RM outside their book. */
    public Customer readable(String customerId) {
        return book.inBook(customerId, currentUser.isOnlyRemoteManager()
                ? currentUser.staffId().orElseThrow(() -> ProblemException.forbidden("this login has no staff record"))
                : null);
    }

    /**
     * The customer's card. An RM sees only customers in their own book. The view is written to
     * the audit log in the same transaction, so no card leaves without its audit row.
     */
    public CustomerCard card(String customerId) {
        Customer customer = readable(customerId);
        String managerName = customer.managerId == null ? null
                : Staff.findByStaffId(customer.managerId).map(staff -> staff.name).orElse(null);
        AuditEntry.customerViewed(currentUser.username(), AuditEntry.VIEW_CUSTOMER, customer.customerId);
        return new CustomerCard(customer.customerId, customer.name, MobileNumbers.mask(customer.mobile),
                customer.tier, customer.aum, customer.branchId, customer.homeBranchId, customer.managerId,
                managerName, customer.status, customer.payroll, customer.asOf,
                Holding.listOfCustomer(customer.customerId).stream().map(CustomerCard.HoldingLine::of).toList());
    }
}
