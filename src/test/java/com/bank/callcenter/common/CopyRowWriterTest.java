package com.bank.callcenter.common;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyRowWriterTest {

    @Test
    void plainValuesAreWrittenAsTheyAreAndNullAsBackslashN() {
        StringWriter out = new StringWriter();
        new CopyRowWriter(out).field("C0001").field("王小明").field(null).field(12).endRow();
        assertEquals("C0001\t王小明\t\\N\t12\n", out.toString());
    }

    @Test
    void tabsNewlinesAndBackslashesAreEscapedSoTheyStayInsideTheirField() {
        StringWriter out = new StringWriter();
        CopyRowWriter writer = new CopyRowWriter(out);
        writer.field("a\tb").field("line\r\nnext").field("C:\\dir").endRow();
        writer.field("discarded").discardRow();
        writer.field("x").endRow();
        assertEquals("a\\tb\tline\\r\\nnext\tC:\\\\dir\nx\n", out.toString());
    }
}
