/**
 * The {@code muwclass} command line: {@code classify}, {@code evaluate}, {@code features} and {@code help}. Options
 * are parsed and validated completely before any work starts; errors name the option, the bad value and what is
 * allowed. Results go to files, progress to standard error.
 */
package org.muwclass.cli;
