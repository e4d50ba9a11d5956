/**
 * The upload flow as plain Java: the steps, the state they share, their rules and what each hands
 * to the next. Both faces drive it; it knows neither.
 */
package io.github.harborupload.flow;
