package org.muwclass.core.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NhColumnTest {

    /** One N_H column with a declared unit (null: none). */
    private record Column(String name, String unit, Object... values) implements ColumnTable {
        @Override
        public List<String> columnNames() {
            return List.of("x", name);
        }

        @Override
        public Optional<String> unit(String column) {
            return column.equals(name) ? Optional.ofNullable(unit) : Optional.empty();
        }

        @Override
        public int rowCount() {
            return values.length;
        }

        @Override
        public Object cell(int row, int column) {
            return column == 0 ? "s" + row : values[row];
        }
    }

    private static double[] read(Column c) {
        return NhColumn.readCm2(c, NhColumn.find(c).orElseThrow());
    }

    @Test
    void cscNhGalWithoutUnitIsInUnitsOfTenToTheTwenty() {
        assertArrayEquals(new double[] {6.851e21, 0.0}, read(new Column("nh_gal", null, "68.51", 0.0)), 1e6);
    }

    @Test
    void declaredUnitsAreConverted() {
        assertArrayEquals(new double[] {6.851e21}, read(new Column("nh_gal", "10+20cm-2", 68.51)), 1e6);
        assertArrayEquals(new double[] {6.851e21}, read(new Column("NH", "1e20/cm2", 68.51)), 1e6);
        assertArrayEquals(new double[] {6.851e21}, read(new Column("nh", "cm-2", 6.851e21)), 1e6);
        assertArrayEquals(new double[] {6.851e21}, read(new Column("nh", "cm**-2", "6.851e21")), 1e6);
        assertArrayEquals(new double[] {6.851e21}, read(new Column("nh", "1e22 cm-2", 0.6851)), 1e6);
        assertArrayEquals(new double[] {6.851e21}, read(new Column("nh", "m-2", 6.851e25)), 1e6);
        assertArrayEquals(new double[] {6.851e21}, read(new Column("nh", null, 6.851e21)), 1e6);
    }

    @Test
    void implausibleValuesAndUnitsAreRefused() {
        assertEquals("Column 'nh', row 1: 68.51 (cm^-2) is below 1e17 cm^-2, less than any Galactic line of sight;"
                + " declare the column's unit (e.g. 1e20 cm-2) or give N_H in cm^-2", assertThrows(
                InvalidTableException.class, () -> read(new Column("nh", null, 68.51))).getMessage());
        assertEquals("Column 'nh_gal', row 2: 1000000.0 (x 1.0E20 cm^-2) is out of range; allowed 0..1e25 cm^-2",
                assertThrows(InvalidTableException.class, () -> read(new Column("nh_gal", null, 1.0, 1e6)))
                        .getMessage());
        assertEquals("Column 'nh', row 1: 'null' is not allowed; expected N_H as a number (cm^-2)",
                assertThrows(InvalidTableException.class, () -> read(new Column("nh", null, (Object) null)))
                        .getMessage());
        assertEquals("Column 'nh' has unit 'mag': not a column density; accepted: cm-2, or with a scale factor"
                + " such as 1e20 cm-2 or 10+20cm-2 (CSC's nh_gal)", assertThrows(InvalidTableException.class,
                () -> read(new Column("nh", "mag", 1.0))).getMessage());
    }
}
