/**
 * Reddening of the training AGNs to a target's line of sight (docs/algorithm.md §6): the training set is made to look
 * like background AGNs seen through the Galaxy at a given E(B-V).
 */
package org.muwclass.core.reddening;
