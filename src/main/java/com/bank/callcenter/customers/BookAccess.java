package com.bank.callcenter.customers;

import com.bank.callcenter.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one check "this customer is in this RM's book (and has a valid mobile)": 404 for an unknown
 * customer, 403 when an RM asks about a customer outside their book, 409 {@code no-valid-mobile}
 * when a customer who is to be called or texted has no usable number. A null staff id means the
 * caller is not limited to a book (supervisor, planner, admin, a campaign).
 */
@ApplicationScoped
public class BookAccess {

    public static final String NO_VALID_MOBILE = "no-valid-mobile";

    /** Someone the caller may contact: the mobile is normalised and never leaves the server. */
    public record Reachable(String customerId, String name, String mobile, String managerId) {
    }

    /** The customer, if it exists and (for an RM) is in their book. */
    public Customer inBook(String customerId, String staffId) {
        Customer customer = Customer.findByCustomerId(customerId)
                .orElseThrow(() -> ProblemException.notFound("customer", customerId));
        checkInBook(customer, staffId);
        return customer;
    }

    /** {@link #inBook} and a valid mobile. */
    public Reachable reachable(String customerId, String staffId) {
        Customer customer = inBook(customerId, staffId);
        String mobile = MobileNumbers.normalise(customer.mobile == null ? "" : customer.mobile)
                .orElseThrow(() -> ProblemException.conflict(NO_VALID_MOBILE, "the customer has no valid mobile number"));
        return new Reachable(customer.customerId, customer.name, mobile, customer.managerId);
    }

    /** 403 unless {@code staffId} is null or the customer's manager. */
    public static void checkInBook(Customer customer, String staffId) {
        if (staffId != null && !staffId.equals(customer.managerId)) {
            throw ProblemException.forbidden("customer " + customer.customerId + " is not in your book");
        }
    }
}
