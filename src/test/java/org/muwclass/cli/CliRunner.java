package org.muwclass.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/** Runs the real command line from tests of other packages (the CLI's entry points are package-private). */
public final class CliRunner {

    private CliRunner() {
    }

    /** Runs {@code args} with the in-process pipeline, status on {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream err) {
        PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        return new Main(new LocalPipeline(), new Console(out, err, 0), false).run(args);
    }
}
