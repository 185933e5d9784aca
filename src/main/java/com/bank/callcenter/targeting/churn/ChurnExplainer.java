package com.bank.callcenter.targeting.churn;

import com.bank.callcenter.targeting.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One customer's churn score with every factor shown: the same SQL the lists use. */
@ApplicationScoped
public class ChurnExplainer {

    private static final int SCALE = 100;
    private static final int DECIMALS = 3;

    public record Factor(String name, String description, int weight, BigDecimal value, BigDecimal points) {
    }

    public record Explanation(String customerId, LocalDate asOf, BigDecimal score, List<Factor> factors) {
    }

    private final ChurnModel model;
    private final AgroalDataSource dataSource;

    public ChurnExplainer(ChurnModel model, AgroalDataSource dataSource) {
        this.model = model;
        this.dataSource = dataSource;
    }

    public Explanation explain(String customerId, LocalDate asOf) {
        List<ChurnModel.Factor> factors = model.factors(asOf);
        List<Sql> columns = new ArrayList<>();
        factors.forEach(f -> columns.add(f.value()));
        columns.add(model.score(asOf));
        Sql query = Sql.join(", ", columns).wrap("select %s from customer c ").then(model.join(asOf))
                .then(Sql.of(" where c.customer_id = ?", customerId));
        int totalWeight = factors.stream().mapToInt(ChurnModel.Factor::weight).sum();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query.text())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setObject(i + 1, query.parameters().get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                List<Factor> explained = new ArrayList<>();
                for (int i = 0; i < factors.size(); i++) {
                    ChurnModel.Factor factor = factors.get(i);
                    BigDecimal value = row.getBigDecimal(i + 1).setScale(DECIMALS, RoundingMode.HALF_UP);
                    BigDecimal points = value.multiply(BigDecimal.valueOf((long) SCALE * factor.weight()))
                            .divide(BigDecimal.valueOf(Math.max(1, totalWeight)), 1, RoundingMode.HALF_UP);
                    explained.add(new Factor(factor.name(), factor.description(), factor.weight(), value, points));
                }
                return new Explanation(customerId, asOf, row.getBigDecimal(factors.size() + 1), explained);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("churn score of " + customerId + " could not be read", e);
        }
    }
}
