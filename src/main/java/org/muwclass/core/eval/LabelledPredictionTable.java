package org.muwclass.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceClass;

/**
 * Reads labelled predictions from a classification table with the MUWCLASS column convention: {@code P_<class>},
 * {@code e_P_<class>} (optional), {@code CT}, a predicted-class column and a true-class column.
 */
public final class LabelledPredictionTable {

    /** Column names of the published LOOCV table {@code LOO_classes.csv}. */
    public static final Columns LOO_CLASSES = new Columns("name", "true_Class", "Class");
    /** Column names of the published training set {@code TD.csv} (its {@code Class} is the LOOCV prediction). */
    public static final Columns TRAINING_SET = new Columns("CSCv2_name", "True_Class", "Class");

    /**
     * Which columns hold the name, the label and the prediction.
     *
     * @param name      source-name column (may be absent from the table)
     * @param trueClass label column
     * @param predicted predicted-class column
     */
    public record Columns(String name, String trueClass, String predicted) {
    }

    private LabelledPredictionTable() {
    }

    /**
     * Reads every row.
     *
     * @throws IllegalArgumentException naming the column and 1-based row for a missing column, a missing value or an
     *                                  unknown class label
     */
    public static List<LabelledPrediction> read(CsvTable table, Columns columns) {
        require(table, columns.trueClass());
        require(table, columns.predicted());
        require(table, "CT");
        for (SourceClass c : SourceClass.values()) {
            require(table, "P_" + c.label());
        }
        boolean haveErrors = table.hasColumn("e_P_" + SourceClass.AGN.label());
        List<LabelledPrediction> out = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            double[] p = new double[SourceClass.count()];
            double[] e = new double[SourceClass.count()];
            for (SourceClass c : SourceClass.values()) {
                p[c.ordinal()] = requiredNumber(table, r, "P_" + c.label());
                e[c.ordinal()] = haveErrors ? table.number(r, "e_P_" + c.label()) : Double.NaN;
            }
            String name = table.text(r, columns.name()).orElse("");
            out.add(new LabelledPrediction(name, label(table, r, columns.trueClass()),
                    label(table, r, columns.predicted()), p, e, requiredNumber(table, r, "CT")));
        }
        return out;
    }

    private static void require(CsvTable table, String column) {
        if (!table.hasColumn(column)) {
            throw new IllegalArgumentException("Classification table has no column '" + column + "'");
        }
    }

    private static double requiredNumber(CsvTable table, int row, String column) {
        double v = table.number(row, column);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1) + ": value is missing");
        }
        return v;
    }

    private static SourceClass label(CsvTable table, int row, String column) {
        String v = table.text(row, column).orElseThrow(() -> new IllegalArgumentException(
                "Column '" + column + "', row " + (row + 1) + ": class label is missing"));
        try {
            return SourceClass.fromLabel(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1) + ": " + e.getMessage());
        }
    }
}
