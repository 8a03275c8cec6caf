package org.muwclass.service.datalink;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.muwclass.tables.MediaTypes;

/**
 * The links of one source: its row (feature vector and probabilities) and its nearest training sources as TAP queries
 * (VOTable), its master-source row in the Chandra Source Catalog for CSC names, and for a classified source its own
 * probability plot (PNG) and, for a caller who may open it, the UWS job that produced it and that job's summary plot.
 */
public final class SourceLinks {

    /** Radius of the nearest-training-sources query, degrees. */
    static final double NEAREST_RADIUS_DEG = 1.0;
    static final int NEAREST_COUNT = 10;
    private static final String VOTABLE = MediaTypes.VOTABLE;
    /** TAP service of the Chandra Source Catalog 2.1 at the Chandra X-ray Center. */
    static final String CSC_TAP = "https://cda.cfa.harvard.edu/csc21tap";
    static final String CSC_PREFIX = "2CXO J";

    private final String tapUrl;
    private final String classifyUrl;
    private final String plotUrl;
    private final Predicate<String> jobOpenToCaller;

    /**
     * @param tapUrl          absolute URL of the TAP service, e.g. http://host/tap
     * @param classifyUrl     absolute URL of the classification job list, e.g. http://host/classify
     * @param plotUrl         absolute URL of this service's per-source probability plot, e.g. http://host/datalink/plot
     * @param jobOpenToCaller whether the caller may open the job of a run id (its owner, or anyone for an anonymous
     *                        job): only then are that job (#progenitor) and its summary plot offered, as the
     *                        published rows are public but the job is not
     */
    public SourceLinks(String tapUrl, String classifyUrl, String plotUrl, Predicate<String> jobOpenToCaller) {
        this.tapUrl = tapUrl;
        this.classifyUrl = classifyUrl;
        this.plotUrl = plotUrl;
        this.jobOpenToCaller = Objects.requireNonNull(jobOpenToCaller, "jobOpenToCaller");
    }

    /** Links of each identifier, in order; unknown or malformed identifiers get a NotFoundFault row. */
    public List<LinkRow> links(Connection c, List<String> ids) throws SQLException {
        return links(c, ids, List.of());
    }

    /**
     * Links of each identifier, in order; unknown or malformed identifiers get a NotFoundFault row.
     *
     * @param runIds RUN_ID values for bare names: none (bare names are training sources), one for every ID, or one
     *               per ID in the same order (as a service descriptor with a run column sends them)
     * @throws IllegalArgumentException when {@code runIds} has another length (message for the client)
     */
    public List<LinkRow> links(Connection c, List<String> ids, List<String> runIds) throws SQLException {
        if (runIds.size() > 1 && runIds.size() != ids.size()) {
            throw new IllegalArgumentException("RUN_ID is given " + runIds.size() + " times for " + ids.size()
                    + " IDs; give it once, or once per ID in the same order");
        }
        List<LinkRow> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String run = runIds.isEmpty() ? null : runIds.get(runIds.size() == 1 ? 0 : i);
            SourceId s = SourceId.parse(id, run).orElse(null);
            if (s == null) {
                rows.add(LinkRow.notFound(id, "identifiers are <name>, training/<name> or classified/<run_id>/<name>"));
            } else if (!exists(c, s)) {
                rows.add(LinkRow.notFound(id, s.training() ? "no training source named '" + s.name() + "'"
                        : "no source '" + s.name() + "' classified by run " + s.runId()));
            } else {
                rows.addAll(s.training() ? training(id, s) : classified(id, s));
                cscLink(id, s).ifPresent(rows::add);
            }
        }
        return rows;
    }

    /**
     * The source's master-source row in the Chandra Source Catalog 2.1 (its own TAP service), for CSC names
     * ({@code 2CXO J...}).
     */
    static Optional<LinkRow> cscLink(String id, SourceId s) {
        if (!s.name().startsWith(CSC_PREFIX)) {
            return Optional.empty();
        }
        String adql = "SELECT * FROM csc21.master_source AS m WHERE m.name = " + literal(s.name());
        return Optional.of(LinkRow.link(id, CSC_TAP + "/sync?REQUEST=doQuery&LANG=ADQL&FORMAT=votable&QUERY="
                + URLEncoder.encode(adql, StandardCharsets.UTF_8), "#auxiliary", "This source in the Chandra Source"
                + " Catalog 2.1: its master-source properties (CSC TAP service at the CXC, external)", VOTABLE));
    }

    private List<LinkRow> training(String id, SourceId s) {
        return List.of(
                LinkRow.link(id, tapQuery("SELECT * FROM muwclass.training_set WHERE name = " + literal(s.name())),
                        "#auxiliary", "Feature vector, true class and leave-one-out classification of this training"
                                + " source (TAP query)", VOTABLE),
                LinkRow.link(id, tapQuery(nearest("muwclass.training_set", "s.name = " + literal(s.name()))),
                        "#auxiliary", nearestDescription(), VOTABLE));
    }

    private List<LinkRow> classified(String id, SourceId s) {
        String where = "run_id = " + literal(s.runId()) + " AND name = " + literal(s.name());
        String sWhere = "s.run_id = " + literal(s.runId()) + " AND s.name = " + literal(s.name());
        String job = classifyUrl + "/" + s.runId();
        List<LinkRow> rows = new ArrayList<>();
        rows.add(LinkRow.link(id, tapQuery("SELECT * FROM muwclass.classified_sources WHERE " + where), "#auxiliary",
                "Feature vector and class probabilities of this source (TAP query)", VOTABLE));
        rows.add(LinkRow.link(id, tapQuery(nearest("muwclass.classified_sources", sWhere)), "#auxiliary",
                nearestDescription(), VOTABLE));
        if (jobOpenToCaller.test(s.runId())) { // anyone else would get 403 (or 404): not offered
            rows.add(LinkRow.link(id, job, "#progenitor", "The UWS classification job that produced this row "
                    + "(parameters, inputs, results)", "text/xml"));
            rows.add(LinkRow.link(id, job + "/results/summary.png", "#preview", "Summary plot of that job: class"
                    + " counts with and without the CT cut, most and least confident sources", MediaTypes.PNG));
        }
        rows.add(LinkRow.link(id, plotUrl + "?ID=" + URLEncoder.encode(s.name(), StandardCharsets.UTF_8) + "&RUN_ID="
                + URLEncoder.encode(s.runId(), StandardCharsets.UTF_8), "#preview", "Class probabilities of"
                + " this source, mean and 1 sigma over its Monte-Carlo draws (plot)", MediaTypes.PNG));
        return rows;
    }

    private static String nearestDescription() {
        return "The " + NEAREST_COUNT + " nearest training sources on the sky within " + NEAREST_RADIUS_DEG
                + " deg, with their classes and distances in deg (TAP query)";
    }

    /** ADQL for the nearest training sources around the source that {@code where} (on alias s) picks from {@code table}. */
    static String nearest(String table, String where) {
        return "SELECT TOP " + NEAREST_COUNT + " t.name, t.ra, t.dec, t.true_class, "
                + "DISTANCE(POINT('ICRS', t.ra, t.dec), POINT('ICRS', s.ra, s.dec)) AS dist "
                + "FROM muwclass.training_set AS t JOIN " + table + " AS s "
                + "ON 1 = CONTAINS(POINT('ICRS', t.ra, t.dec), CIRCLE('ICRS', s.ra, s.dec, " + NEAREST_RADIUS_DEG
                + ")) WHERE " + where + " AND t.name <> s.name ORDER BY dist";
    }

    private String tapQuery(String adql) {
        return tapUrl + "/sync?LANG=ADQL&RESPONSEFORMAT=votable&QUERY=" + URLEncoder.encode(adql,
                StandardCharsets.UTF_8);
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static boolean exists(Connection c, SourceId s) throws SQLException {
        String sql = s.training() ? "SELECT 1 FROM muwclass.training_set WHERE name = ?"
                : "SELECT 1 FROM muwclass.classified_sources WHERE run_id = ? AND name = ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (s.training()) {
                st.setString(1, s.name());
            } else {
                st.setString(1, s.runId());
                st.setString(2, s.name());
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
