package org.muwclass.core.pipeline;

/**
 * One schedulable piece of a run: a range of Monte-Carlo training draws (forests) of one task (E(B-V) bin), each
 * forest evaluated on {@link RunParameters#targetsPerForest()} target realisations (one in the paper's protocol, where
 * forest and draw coincide). Its seeds are fixed by the master seed, the task key and the forest numbers, so it gives
 * the same partial sums wherever and whenever it runs.
 *
 * @param index     position in the run's unit list, which is also the merge order
 * @param task      index of the task (E(B-V) bin) in the run
 * @param firstDraw first forest (training draw), inclusive
 * @param endDraw   last forest, exclusive
 */
public record WorkUnit(int index, int task, int firstDraw, int endDraw) {

    /** Number of forests trained by this unit. */
    public int forests() {
        return endDraw - firstDraw;
    }
}
