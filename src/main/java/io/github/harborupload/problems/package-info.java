/**
 * Every failure becomes one {@link io.github.harborupload.problems.Problem}: a title, the likely
 * causes and what to do (after the platform guide's section 4 and what Harbor really says), and
 * the technical detail. {@link io.github.harborupload.problems.Problems} is the way in.
 */
package io.github.harborupload.problems;
