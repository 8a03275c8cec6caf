package org.muwclass.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.muwclass.classification.ClassificationOptions;
import org.muwclass.classification.ClassificationRequest;
import org.muwclass.classification.ClassificationService;
import org.muwclass.classification.EbvMaps;
import org.muwclass.classification.InputTable;
import org.muwclass.classification.OptionLimits;
import org.muwclass.classification.PreparedClassification;
import org.muwclass.classification.TableReader;
import org.muwclass.core.io.CsvTable;
import org.muwclass.core.pipeline.ClassificationPlan;
import org.muwclass.core.pipeline.CostModel;
import org.muwclass.core.pipeline.DrawTask;
import org.muwclass.core.pipeline.WorkUnit;
import org.muwclass.core.training.ColumnTable;
import org.muwclass.core.training.CsvColumnTable;
import org.muwclass.tables.TableFormat;

/**
 * Checks the quote's cost model unit by unit (issue 15 item 5): builds the plan the service builds for a CSV table
 * (EBV=table-else-dust-map, the shipped TD, fastrf with 100 trees), runs a sample of units of every task (E(B-V)
 * bin or grid node) on {@code threads} threads at once, and compares each unit's thread CPU time with
 * {@link ClassificationPlan#unitSeconds} of {@link CostModel#reference}. Prints per task: its E(B-V), training rows,
 * members, forests and predictions run, measured and modelled CPU s, their ratio; then the plan's total projected
 * with each task's ratio. Thread CPU time does not count waiting for a core, so a loaded machine inflates it only
 * through shared caches.
 *
 * <p>Arguments: TABLE.csv [equivalent draws = 300] [targets per forest = 20] [E(B-V) grid = 0.1]
 * [units per task = 3] [threads = 2]. Also prints, for units run in index order, the share of units done when 1-75% of
 * the modelled cost is done (what progress counted in units showed).
 */
public final class UnitCostCheck {

    private UnitCostCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path table = Path.of(args[0]);
        String eq = args.length > 1 ? args[1] : "300";
        String m = args.length > 2 ? args[2] : "20";
        String grid = args.length > 3 ? args[3] : "0.1";
        int perTask = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        Map<String, String> values = Map.of("EQUIVALENT_DRAWS", eq, "TARGETS_PER_FOREST", m, "EBV_GRID", grid);
        ClassificationOptions options = ClassificationOptions.parse(k -> Optional.ofNullable(values.get(k)),
                OptionLimits.CLI);
        ClassificationRequest request = new ClassificationRequest(new InputTable("INPUT", table,
                table.getFileName().toString(), TableFormat.CSV), Map.of(), Optional.empty(), options);
        PreparedClassification prepared = new ClassificationService("bench", ClassificationService.shippedTrainingSet(),
                EbvMaps.shipped()).prepare(request, new CsvReader(), threads);
        ClassificationPlan plan = prepared.plan();
        CostModel cost = CostModel.reference(options.algorithm(), options.trees());

        // the sample: per task, units that train at least one forest, spread over the task's forests
        Map<Integer, List<WorkUnit>> byTask = new HashMap<>();
        for (WorkUnit u : plan.units()) {
            if (plan.unitForests(u) > 0) {
                byTask.computeIfAbsent(u.task(), t -> new ArrayList<>()).add(u);
            }
        }
        List<WorkUnit> sample = new ArrayList<>();
        for (int t = 0; t < plan.taskCount(); t++) {
            List<WorkUnit> us = byTask.getOrDefault(t, List.of());
            for (int k = 0; k < Math.min(perTask, us.size()); k++) {
                sample.add(us.get((int) ((k + 0.5) * us.size() / Math.min(perTask, us.size()))));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        List<Future<?>> warm = new ArrayList<>();
        for (int i = 0; i < threads; i++) { // JIT warm-up on every thread, not counted
            WorkUnit w = sample.get(sample.size() - 1 - i % sample.size());
            warm.add(pool.submit(() -> plan.runUnit(w.index())));
        }
        for (Future<?> f : warm) {
            f.get();
        }
        List<Future<double[]>> runs = new ArrayList<>();
        for (WorkUnit u : sample) {
            runs.add(pool.submit(() -> {
                long c0 = bean.getCurrentThreadCpuTime();
                plan.runUnit(u.index());
                return new double[] {u.task(), (bean.getCurrentThreadCpuTime() - c0) * 1e-9,
                        plan.unitSeconds(u, cost), plan.unitForests(u), plan.unitPredictions(u)};
            }));
        }
        Map<Integer, double[]> tasks = new java.util.TreeMap<>(); // measured, model, forests, predictions
        for (Future<double[]> f : runs) {
            double[] r = f.get();
            double[] acc = tasks.computeIfAbsent((int) r[0], t -> new double[4]);
            for (int k = 0; k < 4; k++) {
                acc[k] += r[k + 1];
            }
        }
        pool.shutdown();
        double[] taskModel = new double[plan.taskCount()];
        for (WorkUnit u : plan.units()) {
            taskModel[u.task()] += plan.unitSeconds(u, cost);
        }
        Bench.header(String.format(Locale.ROOT, "unit costs: %s, %d sources, %d tasks, %d units, %d forests, EQ=%s"
                        + " M=%s grid=%s, %d sampled units on %d threads, model %s", table.getFileName(),
                prepared.targets().size(), plan.taskCount(), plan.unitCount(), plan.forests(), eq, m, grid,
                sample.size(), threads, cost.basis()));
        System.out.println("| task | E(B-V) mag | train rows | members | forests run | predictions | measured CPU s | "
                + "model s | measured / model | task's model s (all units) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        double projected = 0;
        double model = 0;
        double measuredAll = 0;
        double modelSampled = 0;
        for (Map.Entry<Integer, double[]> e : tasks.entrySet()) {
            int t = e.getKey();
            double[] a = e.getValue();
            DrawTask task = plan.tasks().get(t);
            double ratio = a[0] / a[1];
            System.out.printf(Locale.ROOT, "| %d | %.2f | %d | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.1f |%n", t,
                    plan.ebvUsed(t), task.trainRows().length, task.targetRows().length, a[2], a[3], a[0], a[1],
                    ratio, taskModel[t]);
            projected += taskModel[t] * ratio;
            measuredAll += a[0];
            modelSampled += a[1];
        }
        for (double s : taskModel) {
            model += s;
        }
        System.out.printf(Locale.ROOT, "sampled units: measured %.1f CPU s, model %.1f s (x%.2f); whole plan: model %.0f"
                        + " core-s, projected with each task's ratio %.0f core-s (x%.2f); quote on %d threads %.0f s%n",
                measuredAll, modelSampled, measuredAll / modelSampled, model, projected, projected / model, threads,
                plan.estimateSeconds(cost, threads));
        // units run in index order on one job's pool: the share of units done when a share of the cost is done
        // (what a progress counted in units showed, and a quote extrapolated)
        StringBuilder shares = new StringBuilder();
        double cumulative = 0;
        int[] marks = {1, 5, 10, 25, 50, 75};
        int next = 0;
        for (WorkUnit u : plan.units()) {
            cumulative += plan.unitSeconds(u, cost);
            while (next < marks.length && cumulative >= marks[next] / 100.0 * model) {
                shares.append(String.format(Locale.ROOT, "%s%d%% of the cost = %.1f%% of the units",
                        shares.length() == 0 ? "" : "; ", marks[next], 100.0 * (u.index() + 1) / plan.unitCount()));
                next++;
            }
        }
        System.out.println("in unit order: " + shares);
        Bench.footer();
    }

    /** Reads CSV files as the CLI does. */
    private static final class CsvReader implements TableReader {
        @Override
        public ColumnTable columns(InputTable t) {
            return new CsvColumnTable(csv(t));
        }

        @Override
        public CsvTable csv(InputTable t) {
            return CsvTable.read(t.file());
        }
    }
}
