package org.muwclass.service.uws;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Unguessable job identifiers: 128 random bits from {@link SecureRandom}, base64url without padding (22 chars). */
public final class JobIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    private JobIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code id} has the form of an identifier this service issues (cheap check before a lookup). */
    public static boolean isWellFormed(String id) {
        return id != null && FORM.matcher(id).matches();
    }
}
