package org.muwclass.tables;

import java.util.List;
import org.muwclass.core.model.SourceMeasurements;
import org.muwclass.core.training.NoXrayPolicy;
import org.muwclass.core.training.SourceTableReader;
import org.muwclass.core.training.TargetTable;
import org.muwclass.core.training.TrainingSet;
import org.muwclass.core.training.TrainingSetReader;
import uk.ac.starlink.table.StarTable;

/**
 * The source-table readers of {@code core.training} over STIL tables (VOTable, FITS, ECSV), with the tables' declared
 * column units: the STIL side of reading targets and training sets, so the core stays free of STIL.
 */
public final class SourceTables {

    private SourceTables() {
    }

    /** Unlabelled (or optionally labelled) target sources; rows without any X-ray flux are refused. */
    public static List<SourceMeasurements> targets(StarTable table) {
        return SourceTableReader.read(new StarColumnTable(table), false);
    }

    /** Target sources with the reader's warnings. */
    public static TargetTable targets(StarTable table, NoXrayPolicy noXray) {
        return SourceTableReader.readTargets(new StarColumnTable(table), noXray);
    }

    /** A labelled training set. */
    public static TrainingSet training(StarTable table, String origin) {
        return TrainingSetReader.read(new StarColumnTable(table), origin);
    }
}
