package org.muwclass.core.pipeline;

/**
 * One schedulable piece of a run: a range of Monte-Carlo draws of one task (E(B-V) bin). Its seeds are fixed by the
 * master seed, the task key and the draw numbers, so it gives the same partial sums wherever and whenever it runs.
 *
 * @param index     position in the run's unit list, which is also the merge order
 * @param task      index of the task (E(B-V) bin) in the run
 * @param firstDraw first draw, inclusive
 * @param endDraw   last draw, exclusive
 */
public record WorkUnit(int index, int task, int firstDraw, int endDraw) {
}
