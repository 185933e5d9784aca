package com.bank.callcenter.scoring;

import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The period's scores as CSV for Excel: UTF-8 with a BOM, one row per RM, every indicator's
 * measured / target / points. A text cell that starts with =, +, - or @ is written with a leading '
 * so that Excel shows it instead of evaluating it (numbers are the service's own and stay numbers).
 */
final class ScoreCsv {

    static final String BOM = "\uFEFF";
    private static final String FORMULA_STARTS = "=+-@";

    private ScoreCsv() {
    }

    static String of(List<ScoreRow> rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            List<String> header = new ArrayList<>(List.of("staffId", "name", "branchId", "period", "quantitative",
                    "qualitative", "deduction", "total", "closed"));
            for (Indicator indicator : Indicator.values()) {
                header.add(indicator.name() + " measured");
                header.add(indicator.name() + " target");
                header.add(indicator.name() + " points");
            }
            csv.writeRecord(header);
            for (ScoreRow row : rows) {
                List<String> cells = new ArrayList<>(List.of(text(row.staffId()), text(row.name()), text(row.branchId()),
                        row.period(), number(row.quantitative()), number(row.qualitative()), number(row.deduction()),
                        number(row.total()), Boolean.toString(row.closed())));
                for (ScoreRow.IndicatorScore indicator : row.indicators()) {
                    cells.add(number(indicator.measured()));
                    cells.add(number(indicator.target()));
                    cells.add(number(indicator.points()));
                }
                csv.writeRecord(cells);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
