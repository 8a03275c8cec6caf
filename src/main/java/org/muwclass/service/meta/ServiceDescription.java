package org.muwclass.service.meta;

/** Service-level metadata from vo-config/service.properties. */
public record ServiceDescription(String title, String shortName, String description, String publisher,
                                 String creator, String contactName, String contactEmail, String referenceUrl,
                                 String version) {
}
