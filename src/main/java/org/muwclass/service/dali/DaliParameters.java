package org.muwclass.service.dali;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of a DALI request (a sync query, a job) in the order given. Names are case-insensitive (DALI 1.1
 * section 3.1); values are kept as given. A name may repeat (e.g. several UPLOAD values). Immutable.
 */
public final class DaliParameters {

    /** One name=value pair. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public static final DaliParameters EMPTY = new DaliParameters(List.of());

    private final List<Parameter> list;

    private DaliParameters(List<Parameter> list) {
        this.list = List.copyOf(list);
    }

    public static DaliParameters of(List<Parameter> parameters) {
        return new DaliParameters(parameters);
    }

    /** For tests and simple callers: name, value, name, value, ... */
    public static DaliParameters of(String... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        List<Parameter> l = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            l.add(new Parameter(nameValues[i], nameValues[i + 1]));
        }
        return new DaliParameters(l);
    }

    public List<Parameter> asList() {
        return list;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The last value given for {@code name} (case-insensitive). */
    public Optional<String> get(String name) {
        String v = null;
        for (Parameter p : list) {
            if (p.name().equalsIgnoreCase(name)) {
                v = p.value();
            }
        }
        return Optional.ofNullable(v);
    }

    /** The first value given for {@code name} (case-insensitive), for protocols where the first one counts (TAP). */
    public Optional<String> first(String name) {
        for (Parameter p : list) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** Every value given for {@code name}, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Parameter p : list) {
            if (p.name().equalsIgnoreCase(name)) {
                values.add(p.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** Upper-case names present. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        list.forEach(p -> names.add(p.name().toUpperCase(Locale.ROOT)));
        return names;
    }

    /** These parameters without any named in {@code names} (case-insensitive). */
    public DaliParameters without(Set<String> names) {
        Set<String> upper = new LinkedHashSet<>();
        names.forEach(n -> upper.add(n.toUpperCase(Locale.ROOT)));
        return new DaliParameters(list.stream()
                .filter(p -> !upper.contains(p.name().toUpperCase(Locale.ROOT))).toList());
    }

    /** These parameters with the names in {@code update} replaced by its values (UWS POST to /parameters). */
    public DaliParameters updatedWith(DaliParameters update) {
        List<Parameter> merged = new ArrayList<>(without(update.names()).list);
        merged.addAll(update.list);
        return new DaliParameters(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DaliParameters other && other.list.equals(list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
