package com.bank.callcenter.imports;

import com.bank.callcenter.common.CopyRowWriter;
import com.bank.callcenter.common.ProblemException;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Streams an extract: decodes it strictly (bytes that are not text in the given charset make
 * it "not CSV"), maps the header, and hands every data row to the format, collecting errors.
 */
final class ExtractReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int READ_BUFFER = 1 << 16;

    private ExtractReader() {
    }

    /**
     * A line whose id hashed like an earlier line's (the first line of that hash): a duplicate once the
     * staged rows confirm it. Its customer_id (empty for a kind without one) tells its row apart from the
     * other rows of the same id in a table loaded straight from the file, where rows carry no line.
     */
    record RepeatedId(String id, long line, long firstLineOfHash, String customerId) {
    }

    /**
     * What reading found: the data rows read, the candidate duplicates, and the ids seen (each written
     * row's id with the line its hash was first seen on).
     */
    record Read(long rows, List<RepeatedId> repeatedIds, SeenIds seen) {

        /**
         * The line of the written row with this id, which was not repeated (not among
         * {@link #repeatedIds}): the first line of its hash, since every later line of that hash is a
         * repeated one.
         */
        long lineOfUnrepeated(String id) {
            return seen.lineOf(id);
        }
    }

    /** The column a repeated line keeps beside its id (see {@link RepeatedId}). */
    private static final String CUSTOMER_COLUMN = "customer_id";

    /**
     * What the reader writes around a format's fields: the line first (the staging table), or a last
     * value (a direct load's as_of).
     */
    record Frame(boolean lineFirst, String last) {
        static final Frame STAGING = new Frame(true, null);

        /** The last value's text is made once, not once a row. */
        static Frame direct(Object last) {
            return new Frame(false, last.toString());
        }
    }

    static Read read(InputStream body, Charset charset, ExtractFormat format, CopyRowWriter out, Frame frame,
                     RowErrors errors, int progressEvery, LongConsumer progress) {
        Reader reader = new InputStreamReader(body, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .maxBufferSize(READ_BUFFER * 16)
                .ofCsvRecord(new java.io.BufferedReader(reader, READ_BUFFER));
        long rows = 0;
        try {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw ProblemException.badRequest("empty-file", "the file is empty: a header row is required");
            }
            CsvRecord headerRecord = records.next();
            Map<String, Integer> columns = header(headerRecord, format);
            int headerSize = headerRecord.getFieldCount();
            CsvRow row = new CsvRow(columns);
            RowParser parser = new RowParser(errors);
            SeenIds seen = new SeenIds();
            List<RepeatedId> repeated = new ArrayList<>();
            while (records.hasNext() && !errors.full()) {
                CsvRecord record = records.next();
                rows++;
                row.moveTo(record);
                parser.moveTo(row);
                if (record.getFieldCount() < headerSize) {
                    parser.reject("", "has " + record.getFieldCount() + " fields, the header has " + headerSize);
                } else {
                    stage(format, parser, row, out, frame, record.getStartingLineNumber(), seen, repeated);
                }
                if (rows % progressEvery == 0) {
                    progress.accept(rows);
                }
            }
            return new Read(rows, repeated, seen);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), charset);
        } catch (CsvParseException e) {
            throw ProblemException.badRequest("not-csv", "the file is not valid CSV: " + e.getMessage());
        }
    }

    private static void stage(ExtractFormat format, RowParser parser, CsvRow row, CopyRowWriter out, Frame frame,
                              long line, SeenIds seen, List<RepeatedId> repeated) {
        if (frame.lineFirst()) {
            out.field(line);
        }
        String id = format.stage(parser, out);
        if (id == null) {
            out.discardRow();
            return;
        }
        if (!frame.lineFirst()) {
            out.field(frame.last());
        }
        out.endRow();
        long firstLine = seen.firstLineOf(id, line);
        if (firstLine >= 0) {
            repeated.add(new RepeatedId(id, line, firstLine, row.get(CUSTOMER_COLUMN)));
        }
    }

    private static Map<String, Integer> header(CsvRecord headerRecord, ExtractFormat format) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < headerRecord.getFieldCount(); i++) {
            String name = headerRecord.getField(i).trim();
            if (i == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                name = name.substring(1).trim();
            }
            columns.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (String required : format.requiredColumns()) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.BAD_REQUEST, "missing-column",
                    "the header lacks the required column" + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing) + " (a " + format.kind().pathName() + " file needs "
                            + String.join(",", format.requiredColumns()) + ")",
                    Map.of("columns", missing));
        }
        return columns;
    }

    private static ProblemException unreadable(IOException cause, Charset charset) {
        if (cause instanceof CharacterCodingException) {
            return ProblemException.badRequest("not-csv", "the file is not " + charset.name()
                    + " text" + (charset.name().equals("UTF-8") ? "; for GBK files add ?charset=GBK" : ""));
        }
        throw new UncheckedIOException(cause);
    }
}
