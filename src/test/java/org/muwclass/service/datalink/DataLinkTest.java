package org.muwclass.service.datalink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muwclass.service.tap.TapFixture;
import org.muwclass.service.tap.query.TapQueryRunner;
import org.muwclass.service.tap.query.TapRequest;
import org.muwclass.tables.TableFormat;
import org.muwclass.testsupport.XmlSchemas;

/** DataLink {links}: rows per source, error rows for unknown ones, and every TAP link runs. */
class DataLinkTest {

    private static final String TAP = "http://h/tap";
    private static final String CLASSIFY = "http://h/classify";
    private static final String PLOT = "http://h/datalink/plot";
    private static TapFixture fx;
    private static String trainingName;

    @BeforeAll
    static void setUp() throws Exception {
        fx = TapFixture.h2();
        trainingName = fx.trainingSet.text(0, "CSCv2_name").orElseThrow();
        try (Connection c = fx.database.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO muwclass.classified_sources (name, ra, dec, run_id) SELECT 'my src', ra, dec, "
                    + "'job123' FROM muwclass.training_set WHERE name = '" + trainingName + "'");
        }
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    private static List<LinkRow> links(String... ids) throws Exception {
        try (Connection c = fx.database.connection()) {
            return new SourceLinks(TAP, CLASSIFY, PLOT, run -> true).links(c, List.of(ids));
        }
    }

    private static String query(LinkRow r) {
        String url = r.accessUrl();
        assertTrue(url.startsWith(TAP + "/sync?LANG=ADQL&RESPONSEFORMAT=votable&QUERY="), url);
        return URLDecoder.decode(url.substring(url.indexOf("QUERY=") + 6), StandardCharsets.UTF_8);
    }

    private static String run(String adql) throws Exception {
        try (TapQueryRunner.Result r = fx.runner().run(new TapRequest(adql, TableFormat.VOTABLE_TABLEDATA, 100,
                List.of()), TapQueryRunner.UploadSource.NONE)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.writeTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void idsParse() {
        assertEquals(new SourceId(null, "2CXO J1/x"), SourceId.parse("training/2CXO J1/x").orElseThrow());
        assertEquals(new SourceId("abc", "n a/b"), SourceId.parse("classified/abc/n a/b").orElseThrow());
        assertEquals(Optional.empty(), SourceId.parse("classified/abc/"));
        assertEquals(Optional.empty(), SourceId.parse("training/"));
        assertEquals(new SourceId(null, "2CXO J000009.3+135618"), SourceId.parse("2CXO J000009.3+135618").orElseThrow(),
                "a bare name is a training source");
        assertEquals(new SourceId("job9", "n a/b"), SourceId.parse("n a/b", "job9").orElseThrow(), "with its run");
        assertEquals(new SourceId("abc", "n"), SourceId.parse("classified/abc/n", "other").orElseThrow());
        assertEquals(Optional.empty(), SourceId.parse(" ", "job9"));
        assertEquals("classified/abc/n", new SourceId("abc", "n").toString());
    }

    @Test
    void trainingSourceLinksRunAsTapQueries() throws Exception {
        String id = "training/" + trainingName;
        List<LinkRow> rows = links(id);
        assertEquals(3, rows.size(), rows.toString());
        for (LinkRow r : rows) {
            assertEquals(id, r.id());
            assertEquals("#auxiliary", r.semantics());
            assertEquals("application/x-votable+xml", r.contentType());
        }
        assertEquals("SELECT * FROM muwclass.training_set WHERE name = '" + trainingName + "'", query(rows.get(0)));
        String row = run(query(rows.get(0)));
        assertEquals(1, row.split("<TR>", -1).length - 1, "one row: " + row);
        String nearest = run(query(rows.get(1)));
        assertFalse(nearest.contains("<TD>" + trainingName + "</TD>"), "the source itself is left out");
        assertTrue(nearest.split("<TR>", -1).length - 1 <= SourceLinks.NEAREST_COUNT);
        assertEquals(cscUrl(trainingName), rows.get(2).accessUrl(), "the CSC's own TAP service");
    }

    private static String cscUrl(String name) {
        return "https://cda.cfa.harvard.edu/csc21tap/sync?REQUEST=doQuery&LANG=ADQL&FORMAT=votable&QUERY="
                + java.net.URLEncoder.encode("SELECT * FROM csc21.master_source AS m WHERE m.name = '" + name + "'",
                StandardCharsets.UTF_8);
    }

    @Test
    void bareNamesAsTheServiceDescriptorSendsThem() throws Exception {
        List<LinkRow> training = links(trainingName);
        assertEquals(3, training.size(), training.toString());
        assertEquals(trainingName, training.get(0).id(), "the ID comes back as sent");
        try (Connection c = fx.database.connection()) {
            SourceLinks l = new SourceLinks(TAP, CLASSIFY, PLOT, run -> true);
            List<LinkRow> one = l.links(c, List.of("my src"), List.of("job123"));
            assertEquals(List.of("#auxiliary", "#auxiliary", "#progenitor", "#preview", "#preview"),
                    one.stream().map(LinkRow::semantics).toList());
            assertEquals("my src", one.get(0).id());
            List<LinkRow> paired = l.links(c, List.of("my src", "my src"), List.of("job123", "nojob"));
            assertEquals("NotFoundFault: no source 'my src' classified by run nojob", paired.get(5).errorMessage());
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> l.links(c, List.of("a", "b", "c"), List.of("r1", "r2")));
            assertEquals("RUN_ID is given 2 times for 3 IDs; give it once, or once per ID in the same order",
                    e.getMessage());
        }
    }

    @Test
    void classifiedSourceLinksToItsJob() throws Exception {
        List<LinkRow> rows = links("classified/job123/my src");
        assertEquals(List.of("#auxiliary", "#auxiliary", "#progenitor", "#preview", "#preview"),
                rows.stream().map(LinkRow::semantics).toList());
        assertEquals(CLASSIFY + "/job123", rows.get(2).accessUrl());
        assertEquals(PLOT + "?ID=my+src&RUN_ID=job123", rows.get(4).accessUrl());
        assertEquals(CLASSIFY + "/job123/results/summary.png", rows.get(3).accessUrl());
        assertEquals("image/png", rows.get(3).contentType());
        assertTrue(run(query(rows.get(0))).contains("<TD>my src</TD>"));
        String nearest = run(query(rows.get(1)));
        assertTrue(nearest.contains("<TD>" + trainingName + "</TD>"), "its training twin is nearest: " + nearest);
    }

    /**
     * The job behind a published row (#progenitor) and its summary plot (a job result) are offered only to who may
     * open that job: its owner; another identity, or an anonymous caller, gets the public links only.
     */
    @Test
    void jobLinksOnlyForWhoMayOpenTheJob() throws Exception {
        java.util.Map<String, org.muwclass.service.uws.JobRecord> jobs = java.util.Map.of(
                "job123", job("job123", "classify", "alice"), "tap1", job("tap1", "tap", "alice"));
        java.util.function.Function<String, Optional<org.muwclass.service.uws.JobRecord>> lookup =
                id -> Optional.ofNullable(jobs.get(id));
        assertTrue(DataLinkResource.jobsOpenTo(lookup, "alice").test("job123"));
        assertFalse(DataLinkResource.jobsOpenTo(lookup, "alice").test("tap1"), "not a classification job");
        assertFalse(DataLinkResource.jobsOpenTo(lookup, "alice").test("gone"), "destroyed");
        assertTrue(DataLinkResource.jobsOpenTo(id -> Optional.of(job(id, "classify", null)), "bob").test("anon"),
                "an anonymous job: its URL is the capability, as on /classify");
        try (Connection c = fx.database.connection()) {
            for (String caller : new String[] {"alice", "bob", null}) {
                SourceLinks l = new SourceLinks(TAP, CLASSIFY, PLOT, DataLinkResource.jobsOpenTo(lookup, caller));
                List<LinkRow> rows = l.links(c, List.of("classified/job123/my src"));
                if ("alice".equals(caller)) {
                    assertEquals(List.of("#auxiliary", "#auxiliary", "#progenitor", "#preview", "#preview"),
                            rows.stream().map(LinkRow::semantics).toList());
                    assertEquals(CLASSIFY + "/job123", rows.get(2).accessUrl());
                    continue;
                }
                assertEquals(List.of("#auxiliary", "#auxiliary", "#preview"),
                        rows.stream().map(LinkRow::semantics).toList(), "caller " + caller);
                assertEquals(PLOT + "?ID=my+src&RUN_ID=job123", rows.get(2).accessUrl(), "the public row's plot");
                assertTrue(rows.stream().noneMatch(r -> r.accessUrl().startsWith(CLASSIFY)), rows.toString());
            }
        }
    }

    private static org.muwclass.service.uws.JobRecord job(String id, String kind, String owner) {
        return new org.muwclass.service.uws.JobRecord(id, kind, null, owner,
                org.muwclass.service.uws.ExecutionPhase.COMPLETED, java.time.Instant.EPOCH, null, null,
                java.time.Duration.ZERO, java.time.Instant.EPOCH, null, null, org.muwclass.service.uws.Progress.NONE,
                org.muwclass.service.dali.DaliParameters.EMPTY, List.of(), List.of());
    }

    @Test
    void probabilityProfileOfAPublishedSource() throws Exception {
        try (Connection c = fx.database.connection(); Statement st = c.createStatement()) {
            st.execute("UPDATE muwclass.classified_sources SET p_agn = 0.75, e_p_agn = 0.1, p_yso = 0.25, class = 'AGN',"
                    + " ct = 2.5 WHERE run_id = 'job123'");
            org.muwclass.core.report.ProbabilityProfile p = ProbabilityPlots.profile(c, new SourceId("job123", "my src"))
                    .orElseThrow();
            assertEquals(0.75, p.probabilities()[org.muwclass.core.model.SourceClass.AGN.ordinal()]);
            assertEquals(0.1, p.errors()[org.muwclass.core.model.SourceClass.AGN.ordinal()]);
            assertEquals(0.25, p.probabilities()[org.muwclass.core.model.SourceClass.YSO.ordinal()]);
            assertTrue(Double.isNaN(p.errors()[org.muwclass.core.model.SourceClass.YSO.ordinal()]), "NULL: no bar");
            assertEquals("class AGN, CT 2.50", p.note());
            assertEquals(Optional.empty(), ProbabilityPlots.profile(c, new SourceId("nojob", "my src")));
            assertEquals(Optional.empty(), ProbabilityPlots.profile(c, new SourceId(null, trainingName)));
            byte[] png = png(p);
            assertEquals(0x89, png[0] & 0xff);
        }
    }

    private static byte[] png(org.muwclass.core.report.ProbabilityProfile p) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertTrue(javax.imageio.ImageIO.write(org.muwclass.core.report.ProbabilityPlot.render(List.of(p)), "png", out));
        return out.toByteArray();
    }

    @Test
    void unknownIdsGetNotFoundFaultRows() throws Exception {
        List<LinkRow> rows = links("training/nobody", "classified/nojob/my src", "classified/x");
        assertEquals(3, rows.size());
        assertEquals("NotFoundFault: no training source named 'nobody'", rows.get(0).errorMessage());
        assertEquals("NotFoundFault: no source 'my src' classified by run nojob", rows.get(1).errorMessage());
        assertTrue(rows.get(2).errorMessage().startsWith("NotFoundFault: identifiers are <name>, training/<name>"));
        assertEquals("classified/x", rows.get(2).id());
    }

    @Test
    void linksDocumentIsAValidVoTable() throws Exception {
        List<LinkRow> rows = links("training/" + trainingName, "training/nobody & <co>");
        String xml = LinksVoTable.render(rows);
        XmlSchemas.validate("http://www.ivoa.net/xml/VOTable/v1.3", xml);
        assertTrue(xml.contains("<FIELD name=\"ID\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\"/>"));
        assertTrue(xml.contains("<FIELD name=\"content_length\" datatype=\"long\" unit=\"byte\""
                + " ucd=\"phys.size;meta.file\"/>"));
        assertTrue(xml.contains("<TD>NotFoundFault: no training source named 'nobody &amp; &lt;co&gt;'</TD>"), xml);
        assertEquals(4, xml.split("<TR>", -1).length - 1);
    }
}
