/** A field's classifier inputs from CSC per-observation data and multiwavelength counterpart tables. */
package org.muwclass.core.field;
