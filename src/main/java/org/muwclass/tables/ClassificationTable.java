package org.muwclass.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.muwclass.core.model.SourceClass;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/**
 * The classification output as a STIL table. Column names follow the published MUWCLASS tables: {@code name, ra,
 * dec, P_<class>, e_P_<class>, P_median_<class>, P_2sig_low_<class>, P_2sig_upp_<class>, Class, Class_prob,
 * Class_prob_e, CT, ebv, ebv_origin}, with {@code <class>} the label (AGN, CV, HM-STAR, …).
 */
public final class ClassificationTable {

    /** Column-name prefixes of the per-class probability groups, in table order. */
    public static final List<String> PROBABILITY_PREFIXES =
            List.of("P_", "e_P_", "P_median_", "P_2sig_low_", "P_2sig_upp_");

    private ClassificationTable() {
    }

    /**
     * The DataLink service descriptor of a published run's result table: ID from the {@code name} column (column 0),
     * RUN_ID the run (the job id under which the rows are in {@code muwclass.classified_sources}).
     *
     * @param linksUrl absolute URL of the DataLink {links} endpoint
     */
    public static ServiceDescriptor dataLinkDescriptor(String linksUrl, String runId) {
        return new ServiceDescriptor(ServiceDescriptor.DATALINK_LINKS, linksUrl, List.of(
                ServiceDescriptor.Input.column("ID", 0, "datalink_id", "meta.id;meta.main"),
                ServiceDescriptor.Input.constant("RUN_ID", runId, "meta.id")));
    }

    /** Builds the table (in memory). */
    public static StarTable of(List<ClassifiedSource> sources) {
        List<ColumnInfo> cols = new ArrayList<>();
        cols.add(col("name", String.class, null, "meta.id;meta.main", "Source name"));
        cols.add(col("ra", Double.class, "deg", "pos.eq.ra;meta.main", "Right ascension (ICRS)"));
        cols.add(col("dec", Double.class, "deg", "pos.eq.dec;meta.main", "Declination (ICRS)"));
        // Descriptions stay under 68 characters so FITS TCOMMn cards keep them whole.
        String[] what = {"Mean over Monte-Carlo draws of P(", "Std. dev. (ddof=1) over draws of P(",
            "Median over draws of P(", "2.275% quantile over draws of P(", "97.725% quantile over draws of P("};
        for (int g = 0; g < PROBABILITY_PREFIXES.size(); g++) {
            for (SourceClass c : SourceClass.values()) {
                cols.add(col(PROBABILITY_PREFIXES.get(g) + c.label(), Double.class, null,
                        g == 1 ? "stat.error;stat.probability" : "stat.probability", what[g] + c.label() + ")"));
            }
        }
        cols.add(col("Class", String.class, null, "src.class", "Predicted class (argmax of the mean probabilities)"));
        cols.add(col("Class_prob", Double.class, null, "stat.probability", "Mean probability of the predicted class"));
        cols.add(col("Class_prob_e", Double.class, null, "stat.error;stat.probability",
                "Standard deviation of the predicted class's probability"));
        cols.add(col("CT", Double.class, null, "stat.value",
                "Confidence: min over c of (P_Class-P_c)/(e_P_Class+e_P_c), sigma"));
        cols.add(col("ebv", Double.class, "mag", "phys.absorption;em.opt.B", "E(B-V) used to redden the training AGN"));
        cols.add(col("ebv_origin", String.class, null, "meta.ref;phys.absorption",
                "Where ebv came from: table, dust-map, hi-map, nh-column, none"));
        RowListStarTable table = new RowListStarTable(cols.toArray(new ColumnInfo[0]));
        for (ClassifiedSource s : sources) {
            List<Object> row = new ArrayList<>(cols.size());
            row.add(s.name());
            row.add(s.raDeg());
            row.add(s.decDeg());
            for (double[] group : new double[][] {s.mean(), s.std(), s.median(), s.lower2Sigma(), s.upper2Sigma()}) {
                for (double v : group) {
                    row.add(v);
                }
            }
            row.add(s.predicted().label());
            row.add(s.classProbability());
            row.add(s.classProbabilityError());
            row.add(s.ct());
            row.add(s.ebvMag());
            row.add(s.ebvOrigin());
            table.addRow(row.toArray());
        }
        table.setName("muwclass_classification");
        return table;
    }

    /**
     * Reads a table written by {@link #of} back (e.g. from a VOTable or FITS file), or a job result with its
     * {@link ResultFlags} columns: rows flagged {@value ResultFlags#NO_XRAY} were not classified (no class, no
     * probabilities) and are skipped, so a result reads back as the classified rows it was made from.
     *
     * @throws IllegalArgumentException naming the first missing column, or the row (1-based, in the table) with an
     *                                  unknown class label
     */
    public static List<ClassifiedSource> read(StarTable table) throws IOException {
        java.util.Map<String, Integer> idx = new java.util.HashMap<>();
        for (int c = 0; c < table.getColumnCount(); c++) {
            idx.put(table.getColumnInfo(c).getName(), c);
        }
        List<ClassifiedSource> out = new ArrayList<>();
        try (uk.ac.starlink.table.RowSequence rs = table.getRowSequence()) {
            int r = 0;
            while (rs.next()) {
                r++;
                Object[] row = rs.getRow();
                if (ResultFlags.NO_XRAY.equals(text(row, idx, "input_flag"))) {
                    continue;
                }
                double[][] groups = new double[PROBABILITY_PREFIXES.size()][SourceClass.count()];
                for (int g = 0; g < groups.length; g++) {
                    for (SourceClass c : SourceClass.values()) {
                        groups[g][c.ordinal()] = number(row, idx, PROBABILITY_PREFIXES.get(g) + c.label());
                    }
                }
                Object cls = row[column(idx, "Class")];
                SourceClass predicted;
                try {
                    predicted = SourceClass.fromLabel(cls == null ? null : cls.toString());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Column 'Class', row " + r + ": " + e.getMessage());
                }
                Object name = row[column(idx, "name")];
                out.add(new ClassifiedSource(name == null ? "" : name.toString().trim(), number(row, idx, "ra"),
                        number(row, idx, "dec"), groups[0], groups[1], groups[2], groups[3], groups[4], predicted,
                        number(row, idx, "CT"), number(row, idx, "ebv"), text(row, idx, "ebv_origin")));
            }
        }
        return out;
    }

    private static int column(java.util.Map<String, Integer> idx, String name) {
        Integer i = idx.get(name);
        if (i == null) {
            throw new IllegalArgumentException("Classification table has no column '" + name + "'");
        }
        return i;
    }

    /** A text cell, or null when the column is absent (tables written before it existed) or the cell empty. */
    private static String text(Object[] row, java.util.Map<String, Integer> idx, String name) {
        Integer i = idx.get(name);
        Object v = i == null ? null : row[i];
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    private static double number(Object[] row, java.util.Map<String, Integer> idx, String name) {
        Object v = row[column(idx, name)];
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static ColumnInfo col(String name, Class<?> type, String unit, String ucd, String description) {
        ColumnInfo info = new ColumnInfo(name, type, description);
        if (unit != null) {
            info.setUnitString(unit);
        }
        info.setUCD(ucd);
        return info;
    }
}
