/**
 * Human-readable outputs of an evaluation or classification run: a plain-text report and PNG figures drawn with
 * Java2D in headless mode (confusion matrices as in the paper's Fig. 8, metrics versus CT as in Fig. 6, class counts
 * as in Fig. 9 and per-source probabilities with error bars as in Fig. 7).
 */
package org.muwclass.core.report;
