/**
 * Who sends a request and what it may do: servlet filters for authentication (Basic with PBKDF2 hashes, bearer
 * JWT, a trusted proxy header) and browser hygiene, the per-address failure counter, and refusals written in the
 * form each endpoint's clients read. Depends on {@code service.config}; see docs/security.md.
 */
package org.muwclass.service.security;
