#!/usr/bin/env python3
"""Prints one line of the MUWCLASS-VO user file (muwclass.auth.users.file, docs/security.md):

    scripts/make-user-line.py NAME [ROLE1,ROLE2] [--iterations N]  >> users.txt

The password is read without echo from the terminal, or from the first line of standard input when that is not a
terminal. The line is NAME:ROLES:pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64 (PBKDF2-HMAC-SHA256, 16-byte
random salt, 32-byte key), the format org.muwclass.service.security.PasswordHash reads.
"""
import base64
import getpass
import hashlib
import os
import sys

DEFAULT_ITERATIONS = 600_000  # as PasswordHash.DEFAULT_ITERATIONS


def line(name, roles, password, iterations=DEFAULT_ITERATIONS):
    if not name or ":" in name or any(ord(c) < 0x20 or ord(c) == 0x7f for c in name) or len(name) > 200:
        raise ValueError(f"user name {name!r}: 1 to 200 characters, no ':' and no control characters")
    if name.strip().lower() == "muwclass-service":
        raise ValueError("muwclass-service is reserved for the service's own jobs")
    salt = os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, 32)
    b64 = lambda b: base64.b64encode(b).decode()
    return f"{name}:{roles}:pbkdf2-sha256${iterations}${b64(salt)}${b64(key)}"


def main(argv):
    args = [a for a in argv[1:]]
    iterations = DEFAULT_ITERATIONS
    if "--iterations" in args:
        i = args.index("--iterations")
        iterations = int(args[i + 1])
        del args[i:i + 2]
    if not 1 <= len(args) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    if sys.stdin.isatty():
        password = getpass.getpass(f"Password for {args[0]}: ")
    else:
        password = sys.stdin.readline().rstrip("\n")
    if not password:
        print("empty password", file=sys.stderr)
        return 2
    print(line(args[0], args[1] if len(args) > 1 else "", password, iterations))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
