package org.muwclass.service.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PBKDF2-HMAC-SHA256 password hash as stored in the user file: {@code pbkdf2-sha256$ITER$SALT_B64$HASH_B64}
 * (standard Base64, padding optional).
 *
 * <p>{@code main} makes one user line: {@code java -cp target/classes org.muwclass.service.security.PasswordHash
 * NAME [ROLES]} reads the password from the console (or the first line of standard input) and prints
 * {@code NAME:ROLES:pbkdf2-sha256$...}; scripts/make-user-line.py does the same without Java.
 *
 * @param iterations PBKDF2 iteration count (at least {@value #MIN_ITERATIONS})
 * @param salt       per-user random salt (at least 16 bytes)
 * @param hash       derived key (32 bytes)
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    public static final String PREFIX = "pbkdf2-sha256";
    /** Iterations of new hashes (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewer iterations are refused when the user file is read. */
    public static final int MIN_ITERATIONS = 10_000;
    /** More are refused too: one login must not cost seconds of CPU. */
    public static final int MAX_ITERATIONS = 5_000_000;

    public PasswordHash {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from " + MIN_ITERATIONS + " to " + MAX_ITERATIONS
                    + ", got " + iterations);
        }
        if (salt.length < 16) {
            throw new IllegalArgumentException("the salt must have 16 bytes or more, got " + salt.length);
        }
        if (hash.length != 32) {
            throw new IllegalArgumentException("the hash must have 32 bytes, got " + hash.length);
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Parses {@code pbkdf2-sha256$ITER$SALT$HASH}. */
    public static PasswordHash parse(String text) {
        String[] p = text.trim().split("\\$", -1);
        if (p.length != 4 || !p[0].equals(PREFIX)) {
            throw new IllegalArgumentException("expected " + PREFIX + "$ITERATIONS$SALT_BASE64$HASH_BASE64");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations '" + p[1] + "' are not a whole number");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new PasswordHash(iterations, b64.decode(p[2]), b64.decode(p[3]));
    }

    /** A new hash of {@code password} with a fresh 16-byte salt. */
    public static PasswordHash create(char[] password, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /** Whether {@code password} matches; always does the full derivation, compares in constant time. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash h && h.iterations == iterations && Arrays.equals(h.salt, salt)
                && Arrays.equals(h.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return PREFIX + "$" + iterations + "$...";
    }

    /** Prints one user-file line; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: PasswordHash NAME [ROLE1,ROLE2]   (the password is read from the console or"
                    + " the first line of standard input)");
            System.exit(2);
        }
        String name = args[0];
        String roles = args.length > 1 ? args[1] : "";
        UserStore.checkName(name);
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("Password for %s: ", name);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password == null || password.length == 0) {
            System.err.println("empty password");
            System.exit(2);
        }
        System.out.println(name + ":" + roles + ":" + create(password, DEFAULT_ITERATIONS).format());
    }
}
