package org.muwclass.bench;

import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.muwclass.service.db.ClassifiedSourcesStore;
import org.muwclass.service.db.Database;
import org.muwclass.service.db.SqlDialect;
import org.muwclass.service.meta.TableDescriptor;
import org.muwclass.service.meta.VoConfigReader;
import org.muwclass.service.tap.TapDatabaseSetup;
import org.muwclass.service.tap.adql.AdqlTables;
import org.muwclass.service.tap.query.TapQueryRunner;
import org.muwclass.service.tap.query.TapRequest;
import org.muwclass.tables.TableFormat;

/**
 * Cone-search latency of the TAP query path (ADQL check and translation, SQL, VOTable BINARY2 output) on a synthetic
 * 1,000,000-row copy of muwclass.classified_sources (positions uniform on the sky, seeded; on H2 with the service's
 * HEALPix cell column and index, see SkyIndex), on embedded H2 and, when
 * MUWCLASS_PG_URL is set, on PostgreSQL + pgSphere. The table lives in schema "bench", so the service's own tables
 * are untouched. Each radius is timed at 100 different centres (after 10 warm-up queries) so no result cache helps.
 *
 * <pre>
 * mvn -B -o -q -Pbench test-compile
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) org.muwclass.bench.ConeSearchBenchmark [rows]
 * </pre>
 * (target/bench.cp from {@code mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp}).
 * {@code -Dbench.h2.options=;CACHE_SIZE=262144} adds H2 URL settings; {@code -Dbench.h2only=true} skips PostgreSQL,
 * {@code -Dbench.pgonly=true} skips H2.
 */
public final class ConeSearchBenchmark {

    private static final double[] RADII_DEG = {0.05, 0.2, 1.0};
    private static final int WARMUP = 10;
    private static final int TIMED = 100;
    private static final long SEED = 20221104L;

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        System.err.println("load average at start: " + loadAverage());
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TableDescriptor described = VoConfigReader.fromDirectory(Path.of("vo-config")).read()
                .table(ClassifiedSourcesStore.TABLE).orElseThrow();
        TableDescriptor bench = new TableDescriptor("bench", "bench.classified_sources", "table",
                "Synthetic benchmark copy", "", described.columns());
        System.out.println("| database | radius (deg) | mean rows | TAP median (ms) | TAP p95 (ms) "
                + "| SQL median (ms) | SQL p95 (ms) |");
        System.out.println("|---|---|---|---|---|---|---|");
        Path h2Dir = Path.of("target", "bench-h2").toAbsolutePath();
        // extra H2 URL settings, e.g. -Dbench.h2.options=;CACHE_SIZE=262144 (KiB of page cache)
        String h2Options = System.getProperty("bench.h2.options", "");
        String h2 = "jdbc:h2:file:" + h2Dir.resolve("bench") + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + h2Options;
        if (!Boolean.getBoolean("bench.pgonly")) {
            run("H2 " + org.h2.engine.Constants.VERSION + h2Options, () -> Database.open(h2, "sa", ""), bench, rows);
            System.err.println("load average after H2: " + loadAverage());
        }
        String pg = System.getenv("MUWCLASS_PG_URL");
        if (pg != null && !pg.isBlank() && !Boolean.getBoolean("bench.h2only")) {
            run("PostgreSQL + pgSphere", () -> Database.open(pg + (pg.contains("?") ? "&" : "?")
                    + "reWriteBatchedInserts=true", System.getenv().getOrDefault("MUWCLASS_PG_USER", "tap"),
                    System.getenv().getOrDefault("MUWCLASS_PG_PASSWORD", "tap")), bench, rows);
            System.err.println("load average after PostgreSQL: " + loadAverage());
        }
    }

    private static void run(String label, java.util.function.Supplier<Database> open, TableDescriptor bench,
                            int rows) throws Exception {
        long t0 = System.nanoTime();
        try (Database db = open.get()) {
            if (db.dialect() == SqlDialect.H2) {
                TapDatabaseSetup.registerH2Functions(db);
            }
            fill(db, bench, rows);
        }
        System.err.printf("%s: %d rows ready in %.1f s%n", label, rows, (System.nanoTime() - t0) / 1e9);
        try (Database db = open.get()) {
            time(label, db, bench);
        }
    }

    private static void time(String label, Database db, TableDescriptor bench) throws Exception {
        db.openQueryPool(db.storeLogin(), 4); // the bench table is not published: query as its owner
        TapQueryRunner runner = new TapQueryRunner(db, () -> List.of(AdqlTables.of(bench)), 0, "bench");
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (double radius : RADII_DEG) {
            double[] tap = new double[TIMED];
            double[] sql = new double[TIMED];
            long totalRows = 0;
            // the whole TAP path: new connection from the data source, ADQL check and translation, BINARY2 VOTable
            for (int i = -WARMUP; i < TIMED; i++) {
                String adql = cone(rnd, radius);
                long s = System.nanoTime();
                try (TapQueryRunner.Result r = runner.run(new TapRequest(adql, TableFormat.VOTABLE, 1_000_000,
                        List.of()), TapQueryRunner.UploadSource.NONE)) {
                    r.writeTo(OutputStream.nullOutputStream());
                    if (i >= 0) {
                        tap[i] = (System.nanoTime() - s) / 1e6;
                        totalRows += r.rowCount();
                    }
                }
            }
            // the translated SQL alone on one open connection (other centres), rows read and discarded
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                for (int i = -WARMUP; i < TIMED; i++) {
                    String q = runner.compile(cone(rnd, radius)).sql();
                    long s = System.nanoTime();
                    try (var rs = st.executeQuery(q)) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                    if (i >= 0) {
                        sql[i] = (System.nanoTime() - s) / 1e6;
                    }
                }
            }
            Arrays.sort(tap);
            Arrays.sort(sql);
            System.out.printf("| %s | %s | %.1f | %.2f | %.2f | %.2f | %.2f |%n", label, radius,
                    totalRows / (double) TIMED, tap[TIMED / 2], tap[P95], sql[TIMED / 2], sql[P95]);
        }
    }

    /** The machine's load (1, 5, 15 min) from /proc/loadavg: the numbers depend on it on a shared machine. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static final int P95 = (int) Math.ceil(0.95 * TIMED) - 1;

    /** A cone at a position uniform on the sky (or the square POLYGON inscribed in it, with bench.polygon). */
    private static String cone(SplittableRandom rnd, double radius) {
        double ra = 360 * rnd.nextDouble();
        double dec = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
        if (Boolean.getBoolean("bench.polygon")) { // -Dbench.polygon=true: the square inscribed in the cone
            StringBuilder p = new StringBuilder("POLYGON('ICRS'");
            double d = Math.toRadians(dec);
            double r = Math.toRadians(radius);
            for (int k = 0; k < 4; k++) {
                double pa = Math.toRadians(45 + 90 * k);
                double sinDec = Math.sin(d) * Math.cos(r) + Math.cos(d) * Math.sin(r) * Math.cos(pa);
                double ra2 = Math.toRadians(ra) + Math.atan2(Math.sin(pa) * Math.sin(r) * Math.cos(d),
                        Math.cos(r) - Math.sin(d) * sinDec);
                p.append(", ").append((Math.toDegrees(ra2) % 360 + 360) % 360).append(", ")
                        .append(Math.toDegrees(Math.asin(sinDec)));
            }
            return "SELECT name, ra, dec, class, ct FROM bench.classified_sources WHERE "
                    + "1 = CONTAINS(POINT('ICRS', ra, dec), " + p + "))";
        }
        return "SELECT name, ra, dec, class, ct FROM bench.classified_sources WHERE "
                + "1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', " + ra + ", " + dec + ", " + radius + "))";
    }

    /** Creates bench.classified_sources with the service's indexes and fills it unless it already has the rows. */
    private static void fill(Database db, TableDescriptor bench, int rows) throws Exception {
        ClassifiedSourcesStore store = new ClassifiedSourcesStore(db, bench);
        store.createIfMissing();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM bench.classified_sources")) {
                rs.next();
                if (rs.getLong(1) == rows) {
                    return;
                }
            }
            s.execute("DROP TABLE bench.classified_sources");
            store.createIfMissing();
            c.setAutoCommit(false);
            String[] classes = {"AGN", "CV", "HM-STAR", "HMXB", "LM-STAR", "LMXB", "NS", "YSO"};
            SplittableRandom rnd = new SplittableRandom(SEED);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench.classified_sources "
                    + "(name, ra, dec, class, class_prob, ct, run_id) VALUES (?,?,?,?,?,?,?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, "SYN J" + i);
                    ps.setDouble(2, 360 * rnd.nextDouble());
                    ps.setDouble(3, Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1)));
                    ps.setString(4, classes[rnd.nextInt(classes.length)]);
                    ps.setDouble(5, rnd.nextDouble());
                    ps.setDouble(6, 5 * rnd.nextDouble());
                    ps.setString(7, "benchmark");
                    ps.addBatch();
                    if ((i + 1) % 5_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            if (db.dialect() == SqlDialect.POSTGRESQL) {
                c.setAutoCommit(true);
                s.execute("ANALYZE bench.classified_sources");
            } else {
                s.execute("ANALYZE TABLE bench.classified_sources");
                // a bulk load leaves the H2 file fragmented (GBs); rewrite it as an operator would after a load
                c.commit();
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }

    private ConeSearchBenchmark() {
    }
}
