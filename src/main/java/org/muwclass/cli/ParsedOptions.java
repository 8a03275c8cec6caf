package org.muwclass.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options given to one command, parsed against its {@link OptionSpec}s. Typed getters check the value and throw
 * a {@link UsageException} naming the option, the value and what is allowed.
 */
public final class ParsedOptions {

    private final String command;
    private final Map<String, OptionSpec> specs;
    private final Map<String, String> values;
    private final Set<String> flags;

    private ParsedOptions(String command, Map<String, OptionSpec> specs, Map<String, String> values,
            Set<String> flags) {
        this.command = command;
        this.specs = specs;
        this.values = values;
        this.flags = flags;
    }

    /**
     * Parses {@code args} (everything after the command name).
     *
     * @throws UsageException for an unknown option, a positional argument, a repeated option, a missing value or a
     *                        missing required option
     */
    public static ParsedOptions parse(String command, List<OptionSpec> options, List<String> args)
            throws UsageException {
        Map<String, OptionSpec> specs = new LinkedHashMap<>();
        for (OptionSpec o : options) {
            specs.put(o.name(), o);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("'" + command + "' takes no positional argument '" + a
                        + "'; options are written --name VALUE");
            }
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = specs.get(name);
            if (spec == null) {
                throw new UsageException("unknown option '--" + name + "' for '" + command + "'; allowed: "
                        + String.join(", ", specs.keySet().stream().map(s -> "--" + s).toList()));
            }
            if (values.containsKey(name) || flags.contains(name)) {
                throw new UsageException("option '--" + name + "' is given more than once");
            }
            if (spec.isFlag()) {
                if (inline != null) {
                    throw new UsageException("option '--" + name + "' is a flag and takes no value (got '" + inline
                            + "')");
                }
                flags.add(name);
                continue;
            }
            String v = inline;
            if (v == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("option '--" + name + "' needs a value: " + spec.synopsis());
                }
                v = args.get(++i);
            }
            if (v.isBlank()) {
                throw new UsageException("option '--" + name + "' needs a non-empty value: " + spec.synopsis());
            }
            values.put(name, v);
        }
        List<String> missing = new ArrayList<>();
        for (OptionSpec o : options) {
            if (o.required() && !values.containsKey(o.name())) {
                missing.add("--" + o.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("missing required option" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " for '" + command + "'");
        }
        return new ParsedOptions(command, specs, values, flags);
    }

    /** Whether the user gave the option (defaults do not count). */
    public boolean has(String name) {
        spec(name);
        return values.containsKey(name) || flags.contains(name);
    }

    /** Whether the flag was given. */
    public boolean flag(String name) {
        return flags.contains(spec(name).name());
    }

    /** The given value or the default; empty when neither. */
    public Optional<String> string(String name) {
        OptionSpec s = spec(name);
        return Optional.ofNullable(values.getOrDefault(name, s.defaultValue()));
    }

    /** The given value or the default as a path. */
    public Optional<Path> path(String name) {
        return string(name).map(Path::of);
    }

    /** The value as an integer in [min, max]. */
    public int intValue(String name, int min, int max) throws UsageException {
        String v = string(name).orElseThrow(() -> new IllegalStateException("option --" + name + " has no default"));
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw bad(name, v, "an integer in " + min + ".." + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw bad(name, v, "an integer in " + min + ".." + max);
        }
    }

    /** The value as a long (any). */
    public long longValue(String name) throws UsageException {
        String v = string(name).orElseThrow(() -> new IllegalStateException("option --" + name + " has no default"));
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw bad(name, v, "an integer in " + Long.MIN_VALUE + ".." + Long.MAX_VALUE);
        }
    }

    /** The value as a finite number in [min, max]. */
    public double doubleValue(String name, double min, double max) throws UsageException {
        String v = string(name).orElseThrow(() -> new IllegalStateException("option --" + name + " has no default"));
        String allowed = "a number in " + fmt(min) + ".." + fmt(max);
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= min && d <= max)) {
                throw bad(name, v, allowed);
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(name, v, allowed);
        }
    }

    /** A usage error for this option's value. */
    public UsageException bad(String name, String value, String allowed) {
        return new UsageException("option '--" + name + "' of '" + command + "': '" + value + "' is not allowed; "
                + "expected " + allowed);
    }

    private OptionSpec spec(String name) {
        OptionSpec s = specs.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no option --" + name + " declared for " + command);
        }
        return s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
