package org.muwclass.service.datalink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.muwclass.core.model.SourceClass;
import org.muwclass.core.report.ProbabilityProfile;

/**
 * The class probabilities of one published classified source (mean and standard deviation over its Monte-Carlo
 * draws, columns {@code p_<class>} and {@code e_p_<class>} of {@code muwclass.classified_sources}), for its plot.
 */
final class ProbabilityPlots {

    private ProbabilityPlots() {
    }

    /** Column of a class's mean probability, e.g. {@code p_hm_star}. */
    static String column(SourceClass c) {
        return "p_" + c.label().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** The profile of classified source {@code s}; empty when the run has no such source (or s is a training one). */
    static Optional<ProbabilityProfile> profile(Connection c, SourceId s) throws SQLException {
        if (s.training()) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("SELECT class, ct");
        for (SourceClass k : SourceClass.values()) {
            sql.append(", ").append(column(k)).append(", e_").append(column(k));
        }
        sql.append(" FROM muwclass.classified_sources WHERE run_id = ? AND name = ?");
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            st.setString(1, s.runId());
            st.setString(2, s.name());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int k = SourceClass.count();
                double[] p = new double[k];
                double[] e = new double[k];
                for (int i = 0; i < k; i++) {
                    p[i] = value(rs, 3 + 2 * i);
                    e[i] = value(rs, 4 + 2 * i);
                }
                String note = "class " + rs.getString(1) + ", CT " + String.format(Locale.ROOT, "%.2f", value(rs, 2));
                return Optional.of(new ProbabilityProfile(s.name(), p, e, note));
            }
        }
    }

    private static double value(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
