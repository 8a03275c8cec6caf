package org.muwclass.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.muwclass.tables.TableFiles;
import org.muwclass.tables.TableFormat;

/**
 * {@code muwclass features}: build the classifier's input table (TD column names) from CSC per-observation data and
 * the nearest multi-wavelength counterparts.
 */
final class FeaturesCommand implements Command {

    /** Counterpart catalogues, option name = catalogue. */
    static final List<String> CATALOGUES = List.of("gaia", "2mass", "allwise", "catwise", "unwise");

    private final PipelineBridge pipeline;

    FeaturesCommand(PipelineBridge pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Validated settings.
     *
     * @param perObservation CSC per-observation CSV (CSCview master × stack × observation join)
     * @param counterparts   counterpart CSV per catalogue, in {@link #CATALOGUES} order; null where not given
     * @param output         output table
     * @param outputFormat   its format
     */
    record Settings(Path perObservation, List<Path> counterparts, Path output, TableFormat outputFormat) {
    }

    @Override
    public String name() {
        return "features";
    }

    @Override
    public String summary() {
        return "CSC per-observation CSV + counterpart CSVs -> source table with the TD columns";
    }

    @Override
    public String description() {
        return """
                Averages the CSC per-observation fluxes of each source (Fechner moments, detection filters,
                variability P_intra/P_inter), cross-matches the given nearest-counterpart tables (Gaia EDR3, 2MASS,
                AllWISE, CatWISE2020, unWISE) with the 2-sigma positional test, and writes one row per source with
                the training-set column names (name, RA, Dec, Fs, e_Fs, ..., Gmag, e_Gmag, ..., W3mag), ready for
                'muwclass classify'. Counterpart files are the per-field VizieR tables of the MUWCLASS demos
                (columns with suffix _gaia, _2mass, ...).""";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> o = new java.util.ArrayList<>();
        o.add(OptionSpec.required("per", "FILE", "CSC per-observation CSV (e.g. NGC3532_per.csv)"));
        for (String c : CATALOGUES) {
            o.add(OptionSpec.value(c, "FILE", null, "nearest " + c + " counterparts CSV (optional)"));
        }
        o.add(OptionSpec.required("output", "FILE", "output table"));
        o.add(OptionSpec.value("output-format", "FORMAT", null, "format of --output: " + TableFormat.allowedNames()
                + " (default: from the extension, else votable)"));
        return o;
    }

    @Override
    public int run(ParsedOptions o, Console console) throws Exception {
        Settings s = settings(o);
        PipelineBridge.FeatureResult result = pipeline.features(s, console);
        TableFiles.write(result.table(), s.outputFormat(), result.provenance(), s.output());
        console.out().println("wrote " + result.table().getRowCount() + " sources to " + s.output() + " ("
                + s.outputFormat().formatName() + ")");
        return 0;
    }

    static Settings settings(ParsedOptions o) throws UsageException {
        Path per = existing(o, "per");
        List<Path> cps = new java.util.ArrayList<>();
        for (String c : CATALOGUES) {
            cps.add(o.has(c) ? existing(o, c) : null);
        }
        Path output = o.path("output").orElseThrow();
        TableFormat format;
        if (o.has("output-format")) {
            String f = o.string("output-format").orElseThrow();
            try {
                format = TableFormat.fromName(f);
            } catch (IllegalArgumentException e) {
                throw o.bad("output-format", f, "one of " + TableFormat.allowedNames());
            }
        } else {
            format = TableFormat.fromExtension(output).orElse(TableFormat.VOTABLE);
        }
        return new Settings(per, java.util.Collections.unmodifiableList(cps), output, format);
    }

    private static Path existing(ParsedOptions o, String option) throws UsageException {
        Path p = o.path(option).orElseThrow();
        if (!Files.isRegularFile(p)) {
            throw o.bad(option, p.toString(), "an existing CSV file");
        }
        return p;
    }
}
