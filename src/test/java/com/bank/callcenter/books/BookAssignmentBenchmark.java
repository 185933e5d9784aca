package com.bank.callcenter.books;

import com.bank.callcenter.support.Api;
import com.bank.callcenter.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assigns a book of 1,000,000 waiting LONG_TAIL customers to 110 RMs in 20 branches and logs
 * the time. Not part of the suite (the class name does not end in Test); run it alone:
 * {@code ./mvnw test -Dtest=BookAssignmentBenchmark -Dquarkus.http.test-timeout=600s}.
 * It checks the outcome, never the time.
 */
@QuarkusTest
class BookAssignmentBenchmark {

    private static final Logger LOG = Logger.getLogger(BookAssignmentBenchmark.class);
    private static final int CUSTOMERS = 1_000_000;

    @Test
    void millionCustomerBookIsAssignedWithinCapacity() {
        Db.execute("""
                insert into staff (staff_id, name, role, branch_id)
                select 'BENCH-RM-' || g, 'rm ' || g, 'REMOTE_MANAGER', 'BENCH-BR-' || (g % 20)
                from generate_series(1, 110) g""");
        // one in seven customers holds most assets at another branch than their home branch
        Db.execute("""
                insert into customer (customer_id, name, mobile, home_branch_id, holdings_branch_id, aum, tier, as_of)
                select 'BENCH-C-' || lpad(g::text, 8, '0'), 'c', '13800000000', 'BENCH-BR-' || (g % 20),
                       case when g % 7 = 0 then 'BENCH-BR-' || (g % 13) end, 20000, 'LONG_TAIL', date '2026-11-20'
                from generate_series(1, ?) g""", CUSTOMERS);
        Db.execute("analyze customer");

        long start = System.nanoTime();
        AssignmentOutcome outcome = Api.supervisor().when().post("/api/books/assign")
                .then().statusCode(200).extract().as(AssignmentOutcome.class);
        LOG.infof("assigned %d, unassigned %d of %d customers in %.1f s", outcome.assigned(),
                outcome.unassigned(), CUSTOMERS, (System.nanoTime() - start) / 1e9);

        long assignedInBench = Db.count("select count(*) from customer where manager_id like 'BENCH-RM-%'");
        assertEquals(assignedInBench, Db.count("""
                select count(*) from book_change where to_manager_id like 'BENCH-RM-%' and state = 'APPLIED'"""));
        assertTrue(assignedInBench > CUSTOMERS * 0.95, "assigned " + assignedInBench);
        assertTrue(Db.count("""
                select max(n) from (select count(*) n from customer
                                    where manager_id like 'BENCH-RM-%' group by manager_id) per_manager""") <= 10_000);
    }
}
