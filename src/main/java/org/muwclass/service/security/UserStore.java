package org.muwclass.service.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.muwclass.service.config.SecuritySettings;

/**
 * The Basic-login users, read once from the user file (muwclass.auth.users.file): one user a line,
 * {@code name:role1,role2:pbkdf2-sha256$ITER$SALT_B64$HASH_B64}, roles may be empty, {@code #} starts a comment.
 * A restart reads the file again.
 */
public final class UserStore {

    /** Longest user name, in characters. */
    public static final int MAX_NAME = 200;

    private record Entry(String name, Set<String> roles, PasswordHash hash) {
    }

    private final Map<String, Entry> users;
    /** Checked for unknown names so that a miss costs as much as a wrong password. */
    private final PasswordHash decoy;

    private UserStore(Map<String, Entry> users) {
        this.users = Map.copyOf(users);
        int iterations = users.values().stream().mapToInt(e -> e.hash().iterations()).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
        this.decoy = PasswordHash.create("decoy".toCharArray(), iterations);
    }

    public static UserStore read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the lines of a user file; {@code source} names it in errors. */
    public static UserStore parse(List<String> lines, String source) {
        Map<String, Entry> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            String[] p = line.split(":", 3);
            if (p.length != 3) {
                throw new IllegalArgumentException(where + "expected name:roles:pbkdf2-sha256$ITER$SALT$HASH");
            }
            String name = p[0].strip();
            try {
                checkName(name);
                Set<String> roles = new LinkedHashSet<>();
                for (String r : p[1].split(",")) {
                    if (!r.isBlank()) {
                        roles.add(r.strip());
                    }
                }
                if (users.put(name, new Entry(name, Set.copyOf(roles), PasswordHash.parse(p[2]))) != null) {
                    throw new IllegalArgumentException("user '" + name + "' is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        return new UserStore(users);
    }

    /** Refuses user-file names: those {@link #checkOwner} refuses, and ':' (the file's separator). */
    public static void checkName(String name) {
        if (name.contains(":")) {
            throw new IllegalArgumentException("user name '" + name + "' must not contain ':'");
        }
        checkOwner(name);
    }

    /**
     * Refuses names that cannot own jobs: empty, more than {@value #MAX_NAME} characters, control characters, or the
     * service's own id (token subjects such as {@code urn:uuid:...} are fine).
     */
    public static void checkOwner(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("user name '" + name.replaceAll("\\p{Cntrl}", "?") + "' must have 1 to "
                    + MAX_NAME + " characters and no control characters");
        }
        if (isReserved(name)) {
            throw new IllegalArgumentException("user name '" + name + "' is reserved for the service's own jobs");
        }
    }

    /** Whether {@code name} is the service's own owner id (compared case-blind, trimmed). */
    public static boolean isReserved(String name) {
        return name.strip().toLowerCase(Locale.ROOT).equals(SecuritySettings.SERVICE_OWNER);
    }

    public int size() {
        return users.size();
    }

    /** The user if {@code password} is theirs; the same work is done for unknown names and wrong passwords. */
    public Optional<AuthenticatedUser> authenticate(String name, char[] password) {
        Entry e = users.get(name);
        boolean ok = (e != null ? e.hash() : decoy).matches(password);
        Arrays.fill(password, '\0');
        return ok && e != null ? Optional.of(new AuthenticatedUser(e.name(), e.roles(), AuthenticatedUser.BASIC))
                : Optional.empty();
    }
}
