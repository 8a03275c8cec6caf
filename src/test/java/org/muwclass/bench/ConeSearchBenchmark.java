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
import org.muwclass.service.tap.query.ResponseFormat;
import org.muwclass.service.tap.query.TapQueryRunner;
import org.muwclass.service.tap.query.TapRequest;

/**
 * Cone-search latency of the TAP query path (ADQL check and translation, SQL, VOTable BINARY2 output) on a synthetic
 * 1,000,000-row copy of muwclass.classified_sources (positions uniform on the sky, seeded), on embedded H2 and, when
 * MUWCLASS_PG_URL is set, on PostgreSQL + pgSphere. The table lives in schema "bench", so the service's own tables
 * are untouched. Each radius is timed at 200 different centres (after 20 warm-up queries) so no result cache helps.
 *
 * <pre>
 * mvn -B -o -q test-compile
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) org.muwclass.bench.ConeSearchBenchmark [rows]
 * </pre>
 * (target/bench.cp from {@code mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp}).
 */
public final class ConeSearchBenchmark {

    private static final double[] RADII_DEG = {0.05, 0.5, 2.0};
    private static final int WARMUP = 20;
    private static final int TIMED = 200;
    private static final long SEED = 20221104L;

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TableDescriptor described = VoConfigReader.fromDirectory(Path.of("vo-config")).read()
                .table(ClassifiedSourcesStore.TABLE).orElseThrow();
        TableDescriptor bench = new TableDescriptor("bench", "bench.classified_sources", "table",
                "Synthetic benchmark copy", "", described.columns());
        System.out.println("| database | radius (deg) | mean rows | median (ms) | p95 (ms) |");
        System.out.println("|---|---|---|---|---|");
        Path h2Dir = Path.of("target", "bench-h2").toAbsolutePath();
        try (Database h2 = Database.open("jdbc:h2:file:" + h2Dir.resolve("bench")
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
            run("H2 " + org.h2.engine.Constants.VERSION, h2, bench, rows);
        }
        String pg = System.getenv("MUWCLASS_PG_URL");
        if (pg != null && !pg.isBlank()) {
            try (Database db = Database.open(pg + (pg.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                    System.getenv().getOrDefault("MUWCLASS_PG_USER", "tap"),
                    System.getenv().getOrDefault("MUWCLASS_PG_PASSWORD", "tap"))) {
                run("PostgreSQL + pgSphere", db, bench, rows);
            }
        }
    }

    private static void run(String label, Database db, TableDescriptor bench, int rows) throws Exception {
        if (db.dialect() == SqlDialect.H2) {
            TapDatabaseSetup.registerH2Functions(db);
        }
        long t0 = System.nanoTime();
        fill(db, bench, rows);
        System.err.printf("%s: %d rows ready in %.1f s%n", label, rows, (System.nanoTime() - t0) / 1e9);
        TapQueryRunner runner = new TapQueryRunner(db, () -> List.of(AdqlTables.of(bench)), 0, "bench");
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (double radius : RADII_DEG) {
            double[] ms = new double[TIMED];
            long totalRows = 0;
            for (int i = -WARMUP; i < TIMED; i++) {
                double ra = 360 * rnd.nextDouble();
                double dec = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1));
                String adql = "SELECT name, ra, dec, class, ct FROM bench.classified_sources WHERE "
                        + "1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', " + ra + ", " + dec + ", " + radius
                        + "))";
                long s = System.nanoTime();
                try (TapQueryRunner.Result r = runner.run(new TapRequest(adql, ResponseFormat.VOTABLE, 1_000_000,
                        List.of()), TapQueryRunner.UploadSource.NONE)) {
                    r.writeTo(OutputStream.nullOutputStream());
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        totalRows += r.rowCount();
                    }
                }
            }
            Arrays.sort(ms);
            System.out.printf("| %s | %s | %.1f | %.2f | %.2f |%n", label, radius, totalRows / (double) TIMED,
                    ms[TIMED / 2], ms[(int) Math.ceil(0.95 * TIMED) - 1]);
        }
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
            s.execute("DELETE FROM bench.classified_sources");
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
            }
        }
    }

    private ConeSearchBenchmark() {
    }
}
