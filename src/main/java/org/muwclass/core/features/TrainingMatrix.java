package org.muwclass.core.features;

/**
 * Feature rows with their class indices ({@code SourceClass.ordinal()}). Arrays are not copied: treat as owned.
 *
 * @param rows   feature rows, all of one width
 * @param labels class index per row
 */
public record TrainingMatrix(double[][] rows, int[] labels) {

    public TrainingMatrix {
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
    }

    /** Number of rows. */
    public int size() {
        return rows.length;
    }
}
