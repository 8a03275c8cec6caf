package org.muwclass.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedCellsBlanksAndCrLf() throws Exception {
        CsvTable t = CsvTable.read(new StringReader("a,b,c\r\n1,\"x, \"\"y\"\"\",  \r\n2,,z\n"));
        assertEquals(2, t.rowCount());
        assertEquals("x, \"y\"", t.cell(0, "b"));
        assertNull(t.cell(0, "c"), "all-blank cell is null");
        assertNull(t.cell(1, "b"));
        assertEquals(2.0, t.number(1, "a"));
        assertTrue(Double.isNaN(t.number(1, "b")));
    }

    @Test
    void nonNumericCellNamesColumnAndRow() throws Exception {
        CsvTable t = CsvTable.read(new StringReader("flux\n1e-15\nabc\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.number(1, "flux"));
        assertEquals("Column 'flux', row 2: 'abc' is not a number", e.getMessage());
    }

    @Test
    void trainingSetResourceHasAllRowsAndColumns() {
        CsvTable td = CsvTable.readResource("/muwclass/TD.csv");
        assertEquals(2941, td.rowCount());
        assertEquals(63, td.columns().size());
        assertEquals("2CXO J000009.3+135618", td.cell(0, "CSCv2_name"));
    }
}
