package com.bank.callcenter.customers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A product a customer holds at a branch, from the holdings extract. */
@Entity
@Table(name = "holding")
public class Holding extends PanacheEntityBase {

    @Id
    @Column(name = "holding_id")
    public String holdingId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "branch_id")
    public String branchId;

    /** TIME_DEPOSIT, WEALTH, FUND, INSURANCE, PRECIOUS_METAL or CURRENT_DEPOSIT. */
    @Column(name = "product_type")
    public String productType;

    public BigDecimal amount;

    /** Required for time deposits and wealth products. */
    @Column(name = "maturity_date")
    public LocalDate maturityDate;

    @Column(name = "as_of")
    public LocalDate asOf;

    /** The customer's holdings, soonest maturity first, open-ended ones last. */
    public static List<Holding> listOfCustomer(String customerId) {
        return list("customerId = ?1 order by maturityDate asc nulls last, holdingId", customerId);
    }
}
