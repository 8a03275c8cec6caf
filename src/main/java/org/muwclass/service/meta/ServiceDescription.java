package org.muwclass.service.meta;

import java.util.List;

/**
 * Service-level metadata from vo-config/service.properties.
 *
 * @param identifier the IVOA identifier (ivo://authority/path) under which the service is registered
 * @param subjects   subject keywords of the registry record (UAT concepts where one fits)
 * @param created    when the resource was first made available, ISO-8601 UTC (registry record)
 */
public record ServiceDescription(String title, String shortName, String description, String publisher,
                                 String creator, String contactName, String contactEmail, String referenceUrl,
                                 String version, String identifier, List<String> subjects, String created) {

    /** Placeholder identifier of an unregistered installation (.invalid: RFC 2606, never a real authority). */
    public static final String UNREGISTERED = "ivo://muwclass-vo.invalid/tap";

    public ServiceDescription {
        subjects = List.copyOf(subjects);
    }

    /** Without registry details: the placeholder identifier, no subjects, created at the epoch. */
    public ServiceDescription(String title, String shortName, String description, String publisher, String creator,
                              String contactName, String contactEmail, String referenceUrl, String version) {
        this(title, shortName, description, publisher, creator, contactName, contactEmail, referenceUrl, version,
                UNREGISTERED, List.of(), "1970-01-01T00:00:00Z");
    }
}
