package com.bank.callcenter.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a manager sees of a customer; the mobile number only masked (138****1234). */
public record CustomerCard(String customerId, String name, String mobileMasked, Tier tier, BigDecimal aum,
                           String branchId, String homeBranchId, String managerId, String managerName,
                           CustomerStatus status, boolean payroll, LocalDate asOf, List<HoldingLine> holdings) {

    /** One product the customer holds. */
    public record HoldingLine(String holdingId, String productType, BigDecimal amount, LocalDate maturityDate,
                              String branchId) {

        public static HoldingLine of(Holding holding) {
            return new HoldingLine(holding.holdingId, holding.productType, holding.amount, holding.maturityDate,
                    holding.branchId);
        }
    }
}
