package org.muwclass.cli;

import java.util.List;

/** One subcommand of {@code muwclass}. */
public interface Command {

    /** The word typed after {@code muwclass}, e.g. {@code "classify"}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** A paragraph for {@code muwclass help NAME}. */
    String description();

    List<OptionSpec> options();

    /**
     * Runs the command with parsed options. Validation of option values happens first, before any work.
     *
     * @return the process exit status (0 = success)
     * @throws UsageException for a bad option value
     * @throws Exception      for any other failure; its message is shown to the user
     */
    int run(ParsedOptions options, Console console) throws Exception;
}
