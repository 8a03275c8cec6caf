package org.muwclass.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the {@code muwclass} command line ({@code scripts/muwclass}). Exit status: 0 success, 1 failure,
 * 2 usage error. Set {@code MUWCLASS_DEBUG=1} to see stack traces of failures.
 */
public final class Main {

    /** Exit status for a failed run. */
    public static final int FAILURE = 1;
    /** Exit status for a command-line mistake. */
    public static final int USAGE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Console console;
    private final boolean debug;

    Main(PipelineBridge pipeline, Console console, boolean debug) {
        for (Command c : List.of(new ClassifyCommand(pipeline), new EvaluateCommand(pipeline),
                new FeaturesCommand(pipeline))) {
            commands.put(c.name(), c);
        }
        this.console = console;
        this.debug = debug;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        // One line per log record, before anything initialises java.util.logging.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "muwclass: %4$s: %5$s%6$s%n");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // STIL logs routine INFO lines (FITS card trimming, storage policy); users only need warnings.
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
        boolean debug = "1".equals(System.getenv("MUWCLASS_DEBUG"));
        Main main = new Main(new LocalPipeline(), new Console(System.out, System.err, 2000), debug);
        System.exit(main.run(args));
    }

    /** The software version: {@code -Dmuwclass.version}, else the jar manifest, else {@code "dev"}. */
    static String version() {
        String v = System.getProperty("muwclass.version");
        if (v == null) {
            v = Main.class.getPackage().getImplementationVersion();
        }
        return v == null ? "dev" : v;
    }

    /** Runs one command line and returns the exit status. */
    int run(String[] args) {
        PrintStream err = console.err();
        if (args.length == 0) {
            printUsage(err);
            return USAGE;
        }
        String name = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            return help(rest);
        }
        if (name.equals("--version")) {
            console.out().println("muwclass " + version());
            return 0;
        }
        Command command = commands.get(name);
        if (command == null) {
            err.println("muwclass: unknown command '" + name + "'; allowed: "
                    + String.join(", ", commands.keySet()) + ", help");
            return USAGE;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            printCommandHelp(command, console.out());
            return 0;
        }
        String prefix = "muwclass " + name + ": ";
        try {
            ParsedOptions options = ParsedOptions.parse(name, command.options(), rest);
            return command.run(options, console);
        } catch (UsageException e) {
            err.println(prefix + "error: " + e.getMessage());
            err.println("Run 'muwclass help " + name + "' for the options.");
            return USAGE;
        } catch (NoSuchFileException e) {
            err.println(prefix + "error: no such file: " + e.getFile());
            return failed(e);
        } catch (AccessDeniedException e) {
            err.println(prefix + "error: permission denied: " + e.getFile());
            return failed(e);
        } catch (IOException | UncheckedIOException e) {
            err.println(prefix + "error: " + messageChain(e));
            return failed(e);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            err.println(prefix + "error: " + e.getMessage());
            return failed(e);
        } catch (Exception e) {
            err.println(prefix + "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (debug ? "" : " (set MUWCLASS_DEBUG=1 for details)"));
            return failed(e);
        }
    }

    private int failed(Exception e) {
        if (debug) {
            e.printStackTrace(console.err());
        }
        return FAILURE;
    }

    private static String messageChain(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    private int help(List<String> rest) {
        if (rest.isEmpty()) {
            printUsage(console.out());
            return 0;
        }
        Command c = commands.get(rest.get(0));
        if (c == null || rest.size() > 1) {
            console.err().println("muwclass help: unknown command '" + String.join(" ", rest) + "'; allowed: "
                    + String.join(", ", commands.keySet()));
            return USAGE;
        }
        printCommandHelp(c, console.out());
        return 0;
    }

    private void printUsage(PrintStream out) {
        out.println("usage: muwclass COMMAND [OPTIONS]");
        out.println();
        out.println("MUWCLASS multi-wavelength classification of X-ray sources (Yang et al. 2022, ApJ 941, 104).");
        out.println();
        out.println("Commands:");
        for (Command c : commands.values()) {
            out.println(String.format(Locale.ROOT, "  %-9s %s", c.name(), c.summary()));
        }
        out.println(String.format(Locale.ROOT, "  %-9s %s", "help", "show the options of a command: muwclass help COMMAND"));
        out.println();
        out.println("Options are written --name VALUE or --name=VALUE. Progress goes to standard error.");
    }

    private static void printCommandHelp(Command c, PrintStream out) {
        out.println("usage: muwclass " + c.name() + " [OPTIONS]");
        out.println();
        out.println(c.description().strip());
        out.println();
        out.println("Options:");
        for (OptionSpec o : c.options()) {
            String def = o.defaultValue() == null ? "" : " [default: " + o.defaultValue() + "]";
            String req = o.required() ? " (required)" : "";
            out.println(String.format(Locale.ROOT, "  %-26s %s%s%s", o.synopsis(), o.description(), req, def));
        }
    }
}
