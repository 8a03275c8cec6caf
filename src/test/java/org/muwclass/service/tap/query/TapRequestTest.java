package org.muwclass.service.tap.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muwclass.tables.TableFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DALI/TAP parameter rules: case-insensitive names, defaults and limits, format aliases, inline uploads. */
class TapRequestTest {

    private static Map<String, List<String>> params(String... nv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nv.length; i += 2) {
            m.computeIfAbsent(nv[i], k -> new java.util.ArrayList<>()).add(nv[i + 1]);
        }
        return m;
    }

    private static TapRequest parse(String... nv) throws TapException {
        return TapRequest.from(params(nv), 100, 1000);
    }

    @Test
    void namesAreCaseInsensitiveAndDefaultsApply() throws TapException {
        TapRequest r = parse("lang", "ADQL", "Query", "SELECT 1 FROM t");
        assertEquals("SELECT 1 FROM t", r.query());
        assertEquals(TableFormat.VOTABLE, r.format());
        assertEquals(100, r.maxrec());
        assertEquals(List.of(), r.uploads());
    }

    @Test
    void maxrecIsCappedAtTheLimitAndMustBeANumber() throws TapException {
        assertEquals(1000, parse("LANG", "ADQL", "QUERY", "q", "MAXREC", "5000000").maxrec());
        assertEquals(0, parse("LANG", "ADQL", "QUERY", "q", "MAXREC", "0").maxrec());
        TapException e = assertThrows(TapException.class, () -> parse("LANG", "ADQL", "QUERY", "q", "MAXREC", "-1"));
        assertTrue(e.userError() && e.getMessage().startsWith("MAXREC=-1 is not valid"));
    }

    @Test
    void responseFormatAcceptsShortNamesAndMimeTypes() throws TapException {
        assertEquals(TableFormat.VOTABLE_TABLEDATA, parse("LANG", "ADQL", "QUERY", "q", "RESPONSEFORMAT", "votable/td")
                .format());
        assertEquals(TableFormat.VOTABLE_TABLEDATA, parse("LANG", "ADQL", "QUERY", "q", "RESPONSEFORMAT",
                "application/x-votable+xml; serialization=TABLEDATA").format());
        assertEquals(TableFormat.CSV, parse("LANG", "ADQL", "QUERY", "q", "responseformat", "text/csv").format());
        assertEquals(TableFormat.FITS, parse("LANG", "ADQL", "QUERY", "q", "RESPONSEFORMAT", "fits").format());
        TapException e = assertThrows(TapException.class, () -> parse("LANG", "ADQL", "QUERY", "q",
                "RESPONSEFORMAT", "json"));
        assertTrue(e.getMessage().contains("allowed: votable (application/x-votable+xml)"), e.getMessage());
    }

    @Test
    void langAndRequestAreChecked() {
        assertTrue(assertThrows(TapException.class, () -> parse("QUERY", "q")).getMessage()
                .startsWith("LANG is required"));
        assertTrue(assertThrows(TapException.class, () -> parse("LANG", "PQL", "QUERY", "q")).getMessage()
                .startsWith("LANG=PQL is not supported"));
        assertTrue(assertThrows(TapException.class, () -> parse("REQUEST", "getCapabilities", "LANG", "ADQL",
                "QUERY", "q")).getMessage().startsWith("REQUEST=getCapabilities is not supported"));
    }

    @Test
    void uploadsAreInlinePartsOrOwnResultUrls() throws TapException {
        TapRequest r = parse("LANG", "ADQL", "QUERY", "q", "UPLOAD", "a,param:p1;b,param:p2",
                "upload", "c,http://host/tap/async/J/results/result");
        assertEquals(3, r.uploads().size());
        assertEquals(new TapRequest.Upload("a", "p1"), r.uploads().get(0));
        assertEquals("p2", r.uploads().get(1).part());
        assertNull(r.uploads().get(2).part());
        assertEquals("http://host/tap/async/J/results/result", r.uploads().get(2).url());
        TapException ftp = assertThrows(TapException.class, () -> parse("LANG", "ADQL", "QUERY", "q", "UPLOAD",
                "a,ftp://x/y"));
        assertTrue(ftp.getMessage().contains("send the VOTable inline"), ftp.getMessage());
        assertThrows(TapException.class, () -> parse("LANG", "ADQL", "QUERY", "q", "UPLOAD", "a,param:x;A,param:y"));
    }

    @Test
    void foreignUrlsAreNeverFetched() {
        TapException e = assertThrows(TapException.class, () -> TapQueryRunner.LocalResults.NONE.open(
                "http://example.org/evil.vot"));
        assertTrue(e.userError() && e.getMessage().contains("does not fetch URLs"));
    }

    @Test
    void onlyOwnJobResultUrlsAreRecognised() {
        var ref = org.muwclass.service.tap.TapService.ResultRef.parse(
                "http://127.0.0.1:8080/tap/async/S-Oxw_1/results/result").orElseThrow();
        assertEquals(new org.muwclass.service.tap.TapService.ResultRef("tap", "S-Oxw_1", "result"), ref);
        assertEquals("classify", org.muwclass.service.tap.TapService.ResultRef.parse(
                "https://h/x/classify/J1/results/classes.vot").orElseThrow().kind());
        assertTrue(org.muwclass.service.tap.TapService.ResultRef.parse("http://example.org/data.vot").isEmpty());
        assertTrue(org.muwclass.service.tap.TapService.ResultRef.parse(
                "http://h/tap/async/J/results/../../../etc/passwd").isEmpty());
    }
}
