package org.muwclass.core.pipeline;

/** Receives the fraction of work units done, 0..1, always from the thread that called the run. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = fraction -> { };

    void progress(double fractionDone);
}
