/**
 * Deliberate violations of the layering rules, laid out like the real packages under this root, for
 * {@code LayeringViolationTest}. Each class says whether it breaks a rule; nothing else uses them.
 */
package org.muwclass.architecture.violation;
