package org.muwclass.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.TargetTable;
import org.muwclass.core.training.TrainingMatch;
import org.muwclass.core.training.TrainingMatches;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.Tables;

/**
 * Adds what the input reader found to a classification table ({@link ClassificationTable#of}): the columns
 * {@code training_name} and {@code training_class} for targets that are training sources ({@link TrainingMatches}),
 * {@code input_flag} ({@value #TRAINING_LOO}, {@value #TRAINING_KEPT} or {@value #NO_XRAY}), and the rows without
 * X-ray flux, unclassified (null probabilities and class), at their place in input order.
 */
public final class ResultFlags {

    /** Flag of a training source classified without itself. */
    public static final String TRAINING_LOO = "training_source_loo";
    /** Flag of a training source classified by forests trained on it too. */
    public static final String TRAINING_KEPT = "training_source";
    /** Flag of a row without X-ray flux, not classified. */
    public static final String NO_XRAY = "no_xray";

    private ResultFlags() {
    }

    /**
     * @param classified     one row per classified target, in target order
     * @param matches        training matches by target index
     * @param leftOut        whether matched targets were classified leave-one-out
     * @param withoutXray    the unclassified rows, with their input row numbers
     */
    public static StarTable apply(StarTable classified, TrainingMatches matches, boolean leftOut,
                                  List<TargetTable.Unclassified> withoutXray) {
        StarTable in;
        try {
            in = Tables.randomTable(classified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = in.getColumnCount();
        List<ColumnInfo> cols = new ArrayList<>(n + 3);
        for (int c = 0; c < n; c++) {
            cols.add(in.getColumnInfo(c));
        }
        cols.add(column("training_name", "meta.id.cross", "Name of the training source this target is"));
        cols.add(column("training_class", "src.class", "Literature class of that training source"));
        cols.add(column("input_flag", "meta.code", "training_source_loo, training_source or no_xray"));
        int nameCol = index(in, "name");
        int raCol = index(in, "ra");
        int decCol = index(in, "dec");
        RowListStarTable out = new RowListStarTable(cols.toArray(new ColumnInfo[0]));
        out.setName(in.getName());
        out.setParameters(new ArrayList<>(in.getParameters()));
        long rows = in.getRowCount() + withoutXray.size();
        int target = 0;
        int next = 0;
        try {
            for (long r = 0; r < rows; r++) {
                Object[] row = new Object[n + 3];
                if (next < withoutXray.size() && withoutXray.get(next).row() == r) {
                    SourceMeasurements s = withoutXray.get(next++).source();
                    row[nameCol] = s.name();
                    row[raCol] = s.raDeg();
                    row[decCol] = s.decDeg();
                    row[n + 2] = NO_XRAY;
                } else {
                    System.arraycopy(in.getRow(target), 0, row, 0, n);
                    TrainingMatch m = matches.of(target++).orElse(null);
                    if (m != null) {
                        row[n] = m.trainingName();
                        row[n + 1] = m.trainingClass().label();
                        row[n + 2] = leftOut ? TRAINING_LOO : TRAINING_KEPT;
                    }
                }
                out.addRow(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static ColumnInfo column(String name, String ucd, String description) {
        ColumnInfo info = new ColumnInfo(name, String.class, description);
        info.setUCD(ucd);
        return info;
    }

    private static int index(StarTable t, String name) {
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (t.getColumnInfo(c).getName().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("classification table without column " + name);
    }
}
