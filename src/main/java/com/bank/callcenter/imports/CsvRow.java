package com.bank.callcenter.imports;

import de.siegmar.fastcsv.reader.CsvRecord;

import java.util.Map;

/** A data row of an extract, read by column name; missing trailing fields read as empty. */
final class CsvRow {

    private final Map<String, Integer> columnIndex;
    private CsvRecord record;

    CsvRow(Map<String, Integer> columnIndex) {
        this.columnIndex = columnIndex;
    }

    void moveTo(CsvRecord next) {
        this.record = next;
    }

    long line() {
        return record.getStartingLineNumber();
    }

    /** The trimmed value, or "" when the column is absent from the header or the row. */
    String get(String column) {
        Integer index = columnIndex.get(column);
        if (index == null || index >= record.getFieldCount()) {
            return "";
        }
        return record.getField(index).trim();
    }
}
