package org.muwclass.service.tap.adql;

import adql.parser.ADQLParser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column names as ADQL users must write them: a name the ADQL grammar reserves (e.g. {@code size}) is published
 * delimited ({@code "size"}) in TAP_SCHEMA and /tables, as TAP 1.1 asks. VOLLT's parser decides what is reserved.
 */
public final class AdqlNames {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private AdqlNames() {
    }

    public static String published(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                new ADQLParser().parseQuery("SELECT " + n + " FROM t");
                return n;
            } catch (Exception | Error e) {
                return "\"" + n + "\"";
            }
        });
    }
}
