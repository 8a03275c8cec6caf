package org.muwclass.tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a table document carries besides the rows: name/value facts (provenance of a classification, the query of a
 * TAP result) and, for VOTables, a DataLink service descriptor.
 *
 * @param infos      facts in document order: VOTable INFO elements, FITS header cards, a CSV comment header, ECSV meta
 * @param descriptor DataLink service descriptor for VOTable output, if the rows have links
 */
public record TableAnnotations(Map<String, String> infos, Optional<ServiceDescriptor> descriptor) {

    /** Nothing besides the rows. */
    public static final TableAnnotations NONE = new TableAnnotations(Map.of(), Optional.empty());

    public TableAnnotations {
        infos = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(infos));
    }

    public static TableAnnotations of(Map<String, String> infos) {
        return new TableAnnotations(infos, Optional.empty());
    }

    public TableAnnotations withDescriptor(ServiceDescriptor d) {
        return new TableAnnotations(infos, Optional.of(d));
    }

    /** Column index → FIELD ID for the columns the descriptor refers to. */
    Map<Integer, String> fieldIds() {
        Map<Integer, String> ids = new LinkedHashMap<>();
        descriptor.map(ServiceDescriptor::inputs).orElse(List.of()).stream()
                .filter(ServiceDescriptor.Input::fromColumn)
                .forEach(in -> ids.put(in.column(), in.fieldId()));
        return ids;
    }
}
