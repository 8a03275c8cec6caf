/**
 * Monte-Carlo sampling of measurement errors (docs/algorithm.md §5) and the seed derivation that makes every random
 * stream a pure function of one master seed and the work unit's coordinates, so results do not depend on thread count
 * or order.
 */
package org.muwclass.core.sampling;
