/**
 * Cross-validation as a UWS job kind ({@code /evaluate}): an adapter from UWS parameters and uploads to the shared
 * {@link org.muwclass.classification.EvaluationService}, writing metrics, confusion matrices, the CT sweep and
 * feature importances as VOTables and the CLI's PNG figures. Uses {@code service.uws}, {@code service.dali},
 * {@code service.classify} (upload reading), {@code classification}, {@code tables} and {@code core}.
 */
package org.muwclass.service.evaluate;
