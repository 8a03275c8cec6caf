package org.muwclass.core.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.core.training.CsvColumnTable;

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

        /**
         * The columns of a table: {@link #LOO_CLASSES} or {@link #TRAINING_SET} when their label column is present.
         */
        public static Optional<Columns> detect(List<String> columnNames) {
            if (columnNames.contains(LOO_CLASSES.trueClass())) {
                return Optional.of(LOO_CLASSES);
            }
            if (columnNames.contains(TRAINING_SET.trueClass())) {
                return Optional.of(TRAINING_SET);
            }
            return Optional.empty();
        }
    }

    private LabelledPredictionTable() {
    }

    /** Reads every row of a CSV table. */
    public static List<LabelledPrediction> read(CsvTable table, Columns columns) {
        return read(new CsvColumnTable(table), columns);
    }

    /**
     * Reads every row. A missing CT (e.g. from a single Monte-Carlo draw, where the spread is undefined) is NaN: such
     * a source is in no CT cut.
     *
     * @throws IllegalArgumentException naming the column and 1-based row for a missing column, a missing or
     *                                  non-numeric value or an unknown class label
     */
    public static List<LabelledPrediction> read(ColumnTable table, Columns columns) {
        Map<String, Integer> idx = new HashMap<>();
        List<String> names = table.columnNames();
        for (int c = 0; c < names.size(); c++) {
            idx.putIfAbsent(names.get(c), c);
        }
        int trueCol = require(idx, columns.trueClass());
        int predCol = require(idx, columns.predicted());
        int ctCol = require(idx, "CT");
        int[] pCol = new int[SourceClass.count()];
        int[] eCol = new int[SourceClass.count()];
        for (SourceClass c : SourceClass.values()) {
            pCol[c.ordinal()] = require(idx, "P_" + c.label());
            eCol[c.ordinal()] = idx.getOrDefault("e_P_" + c.label(), -1);
        }
        int nameCol = idx.getOrDefault(columns.name(), -1);
        List<LabelledPrediction> out = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            double[] p = new double[SourceClass.count()];
            double[] e = new double[SourceClass.count()];
            for (SourceClass c : SourceClass.values()) {
                int k = c.ordinal();
                p[k] = requiredNumber(table, r, pCol[k], "P_" + c.label());
                e[k] = eCol[k] < 0 ? Double.NaN : number(table, r, eCol[k], "e_P_" + c.label());
            }
            Object name = nameCol < 0 ? null : table.cell(r, nameCol);
            out.add(new LabelledPrediction(name == null ? "" : name.toString().trim(),
                    label(table, r, trueCol, columns.trueClass()), label(table, r, predCol, columns.predicted()), p,
                    e, number(table, r, ctCol, "CT")));
        }
        return out;
    }

    /**
     * Writes predictions as CSV with the {@link #LOO_CLASSES} column names ({@code name, true_Class, Class, CT,
     * P_<class>…, e_P_<class>…}), full double precision, so that {@link #read} gives them back exactly.
     */
    public static void writeCsv(List<LabelledPrediction> predictions, java.io.Writer out) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("name,true_Class,Class,CT");
        for (SourceClass c : SourceClass.values()) {
            sb.append(",P_").append(c.label());
        }
        for (SourceClass c : SourceClass.values()) {
            sb.append(",e_P_").append(c.label());
        }
        out.write(sb.append('\n').toString());
        for (LabelledPrediction p : predictions) {
            sb.setLength(0);
            String name = p.name();
            if (name.indexOf(',') >= 0 || name.indexOf('"') >= 0) {
                name = '"' + name.replace("\"", "\"\"") + '"';
            }
            sb.append(name).append(',').append(p.trueClass().label()).append(',').append(p.predicted().label())
                    .append(',').append(Double.isNaN(p.ct()) ? "" : Double.toString(p.ct()));
            for (double v : p.probabilities()) {
                sb.append(',').append(v);
            }
            for (double v : p.probabilityErrors()) {
                sb.append(',');
                if (!Double.isNaN(v)) {
                    sb.append(v);
                }
            }
            out.write(sb.append('\n').toString());
        }
    }

    private static int require(Map<String, Integer> idx, String column) {
        Integer i = idx.get(column);
        if (i == null) {
            throw new IllegalArgumentException("Classification table has no column '" + column + "'");
        }
        return i;
    }

    private static double number(ColumnTable table, int row, int col, String column) {
        Object v = table.cell(row, col);
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1) + ": '" + v
                    + "' is not a number");
        }
    }

    private static double requiredNumber(ColumnTable table, int row, int col, String column) {
        double v = number(table, row, col, column);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1) + ": value is missing");
        }
        return v;
    }

    private static SourceClass label(ColumnTable table, int row, int col, String column) {
        Object v = table.cell(row, col);
        if (v == null) {
            throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1)
                    + ": class label is missing");
        }
        try {
            return SourceClass.fromLabel(v.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Column '" + column + "', row " + (row + 1) + ": " + e.getMessage());
        }
    }
}
