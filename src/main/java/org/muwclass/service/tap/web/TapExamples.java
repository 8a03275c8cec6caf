package org.muwclass.service.tap.web;

import java.util.List;
import org.muwclass.tables.XmlText;

/** The example queries published at /tap/examples (DALI 1.1 examples, RDFa in XHTML). */
public final class TapExamples {

    /**
     * @param id          fragment identifier
     * @param name        title
     * @param description what the query answers
     * @param query       the ADQL
     */
    public record Example(String id, String name, String description, String query) {
    }

    private TapExamples() {
    }

    public static List<Example> all() {
        return List.of(
                new Example("galactic-centre-cone", "Training sources near the Galactic Centre",
                        "A cone search: every training-set source within 1 degree of Sgr A*, nearest first.",
                        "SELECT name, ra, dec, true_class, class, ct,\n"
                                + "       DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', 266.4168, -29.0078)) AS dist\n"
                                + "FROM muwclass.training_set\n"
                                + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 266.4168, -29.0078, 1.0))\n"
                                + "ORDER BY dist"),
                new Example("class-census", "Training-set census by class",
                        "How many literature-verified sources each of the 8 classes has.",
                        "SELECT true_class, COUNT(*) AS n\nFROM muwclass.training_set\n"
                                + "GROUP BY true_class\nORDER BY n DESC"),
                new Example("confident-misclassifications", "Confident leave-one-out misclassifications",
                        "Training sources whose published leave-one-out class disagrees with the literature class "
                                + "although the confidence threshold CT is at least 2.",
                        "SELECT name, true_class, class, class_prob, ct\nFROM muwclass.training_set\n"
                                + "WHERE class <> true_class AND ct >= 2\nORDER BY ct DESC"),
                new Example("orion-box", "Sources in a box around the Orion Nebula",
                        "A 2 x 2 degree box search with optical and infrared magnitudes.",
                        "SELECT name, ra, dec, true_class, gmag, jmag, w1mag\nFROM muwclass.training_set\n"
                                + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), BOX('ICRS', 83.82, -5.39, 2.0, 2.0))"),
                new Example("bulge-polygon", "Training sources in a polygon towards the Galactic bulge",
                        "A POLYGON search: vertices in degrees (either order), edges along great circles. Geometry "
                                + "values can be selected too: POINT, CIRCLE, POLYGON and CENTROID(...) come back as "
                                + "DALI xtype point/circle/polygon columns; AREA is in square degrees.",
                        "SELECT name, ra, dec, true_class, class\n"
                                + "FROM muwclass.training_set\n"
                                + "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec),\n"
                                + "                   POLYGON('ICRS', 262.0, -34.0, 262.0, -24.0, 270.0, -22.0, "
                                + "271.0, -35.0))\n"
                                + "ORDER BY dec"),
                new Example("yso-colours", "Colours of young stellar objects",
                        "Optical-infrared colours of the YSOs in the training set with Gaia and WISE counterparts.",
                        "SELECT name, gmag - jmag AS g_minus_j, w1mag - w2mag AS w1_minus_w2\n"
                                + "FROM muwclass.training_set\n"
                                + "WHERE true_class = 'YSO' AND gmag IS NOT NULL AND w2mag IS NOT NULL"),
                new Example("bright-xrbs", "Bright X-ray binaries and their hardness",
                        "High- and low-mass X-ray binaries brighter than 1e-13 erg/s/cm2 (0.5-7 keV) with the "
                                + "fraction of their flux in the hard band.",
                        "SELECT name, true_class, flux_b, flux_h / flux_b AS hard_fraction\n"
                                + "FROM muwclass.training_set\n"
                                + "WHERE true_class IN ('HMXB', 'LMXB') AND flux_b > 1e-13\nORDER BY flux_b DESC"),
                new Example("confident-classifications", "Confident classifications made by this service",
                        "Sources classified by this service's pipeline with CT >= 2, and the run that produced them.",
                        "SELECT TOP 100 name, ra, dec, class, class_prob, ct, run_id\n"
                                + "FROM muwclass.classified_sources\nWHERE ct >= 2\nORDER BY ct DESC"),
                new Example("ngc3532-confident-by-class", "Confident classes in the NGC 3532 demo field",
                        "The service classifies its shipped demo fields (NGC 3532, IC 2395) itself on first start. "
                                + "This counts the NGC 3532 sources (a 0.3 degree cone) classified with CT >= 2, "
                                + "by class.",
                        "SELECT class, COUNT(*) AS n, AVG(class_prob) AS mean_class_prob\n"
                                + "FROM muwclass.classified_sources\n"
                                + "WHERE ct >= 2\n"
                                + "  AND 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 166.29, -58.85, 0.3))\n"
                                + "GROUP BY class\nORDER BY n DESC"),
                new Example("agn-candidates", "AGN candidates",
                        "Classified sources whose mean AGN probability exceeds 0.8, with its Monte-Carlo spread.",
                        "SELECT name, ra, dec, p_agn, e_p_agn, ct\nFROM muwclass.classified_sources\n"
                                + "WHERE class = 'AGN' AND p_agn > 0.8\nORDER BY p_agn DESC"),
                new Example("runs", "Classification runs",
                        "Which runs have published classified sources, with their size and mean class probability.",
                        "SELECT run_id, COUNT(*) AS n_sources, AVG(class_prob) AS mean_class_prob\n"
                                + "FROM muwclass.classified_sources\nGROUP BY run_id"),
                new Example("column-metadata", "Column metadata of the classified sources",
                        "TAP_SCHEMA is queryable like any table: units, UCDs and descriptions of every column.",
                        "SELECT column_name, datatype, unit, ucd, description\nFROM TAP_SCHEMA.columns\n"
                                + "WHERE table_name = 'muwclass.classified_sources'\nORDER BY column_index"));
    }

    /** The DALI examples document. */
    public static String render(String title) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n");
        x.append("<head><meta http-equiv=\"Content-Type\" content=\"application/xhtml+xml; charset=UTF-8\"/>")
                .append("<title>").append(XmlText.escape(title)).append(": example queries</title></head>\n");
        x.append("<body vocab=\"http://www.ivoa.net/rdf/examples#\">\n<h1>").append(XmlText.escape(title))
                .append(": example ADQL queries</h1>\n");
        x.append("<p>Run them with any TAP client (TOPCAT, pyvo, astroquery) against this service's /tap "
                + "endpoint.</p>\n");
        for (Example e : all()) {
            x.append("<div typeof=\"example\" id=\"").append(e.id()).append("\" resource=\"#").append(e.id())
                    .append("\">\n <h2 property=\"name\">").append(XmlText.escape(e.name())).append("</h2>\n <p>")
                    .append(XmlText.escape(e.description())).append("</p>\n <pre property=\"query\">")
                    .append(XmlText.escape(e.query())).append("</pre>\n</div>\n");
        }
        return x.append("</body>\n</html>\n").toString();
    }
}
