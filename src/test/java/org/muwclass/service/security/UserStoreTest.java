package org.muwclass.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserStoreTest {

    /** Made by scripts/make-user-line.py (Python's hashlib), password "secret-pw". */
    static final String PYTHON_LINE = "alice:reader,operator:pbkdf2-sha256$10000$yEPAnrZritiT7/A609bGiQ==$"
            + "/x128QAqRV/HZnxF2lx7vvf0e848fzAcATJrBsI0fjk=";

    @Test
    void pythonLineVerifiesInJava() {
        UserStore store = UserStore.parse(List.of("# users", "", PYTHON_LINE), "users.txt");
        AuthenticatedUser alice = store.authenticate("alice", "secret-pw".toCharArray()).orElseThrow();
        assertEquals("alice", alice.getName());
        assertEquals(Set.of("reader", "operator"), alice.roles());
        assertEquals(AuthenticatedUser.BASIC, alice.scheme());
        assertTrue(store.authenticate("alice", "secret-pX".toCharArray()).isEmpty(), "wrong password");
        assertTrue(store.authenticate("bob", "secret-pw".toCharArray()).isEmpty(), "unknown user");
    }

    @Test
    void javaHashRoundTripsAndEmptyRolesAreAllowed() {
        PasswordHash h = PasswordHash.create("pw".toCharArray(), PasswordHash.MIN_ITERATIONS);
        assertEquals(h, PasswordHash.parse(h.format()));
        UserStore store = UserStore.parse(List.of("bob::" + h.format()), "u");
        assertEquals(Set.of(), store.authenticate("bob", "pw".toCharArray()).orElseThrow().roles());
        assertEquals(1, store.size());
    }

    @Test
    void theServiceOwnerCannotBeAUser() {
        String hash = PasswordHash.create("pw".toCharArray(), PasswordHash.MIN_ITERATIONS).format();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UserStore.parse(List.of(" Muwclass-Service :operator:" + hash), "users.txt"));
        assertEquals("users.txt line 1: user name 'Muwclass-Service' is reserved for the service's own jobs",
                e.getMessage());
        assertTrue(UserStore.isReserved("muwclass-service"));
        assertFalse(UserStore.isReserved("muwclass-service2"));
    }

    @Test
    void malformedLinesNameTheLine() {
        String hash = PasswordHash.create("pw".toCharArray(), PasswordHash.MIN_ITERATIONS).format();
        assertEquals("u line 2: expected name:roles:pbkdf2-sha256$ITER$SALT$HASH", assertThrows(
                IllegalArgumentException.class, () -> UserStore.parse(List.of("#", "bob"), "u")).getMessage());
        assertEquals("u line 2: user 'bob' is listed twice", assertThrows(IllegalArgumentException.class,
                () -> UserStore.parse(List.of("bob::" + hash, "bob::" + hash), "u")).getMessage());
        assertEquals("u line 1: iterations must be from 10000 to 5000000, got 1000", assertThrows(
                IllegalArgumentException.class, () -> UserStore.parse(List.of(
                        "bob::pbkdf2-sha256$1000$yEPAnrZritiT7/A609bGiQ==$/x128QAqRV/HZnxF2lx7vvf0e848fzAcATJrBsI0fjk="),
                        "u")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> UserStore.parse(List.of("bob::md5$abc"), "u"));
    }
}
