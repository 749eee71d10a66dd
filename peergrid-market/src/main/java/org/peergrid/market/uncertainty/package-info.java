/**
 * Probabilistic evaluation of a deterministic model (the dispatch LP, a power flow, ...) whose
 * inputs are uncertain forecasts: random input models for PV, wind and load, Hong's point estimate
 * method (2m and 2m+1 schemes) and a seeded Monte Carlo reference.
 *
 * <p>Sources: H. P. Hong, "An efficient point estimate method for probabilistic analysis",
 * Reliability Engineering &amp; System Safety 59(3), 1998; J. M. Morales and J. Pérez-Ruiz, "Point
 * estimate schemes to solve the probabilistic power flow", IEEE Trans. Power Systems 22(4), 2007,
 * doi:10.1109/TPWRS.2007.907515; Y. M. Atwa et al., "Optimal renewable resources mix for
 * distribution system energy loss minimization", IEEE Trans. Power Systems 25(1), 2010.
 *
 * <p>The inputs are treated as statistically independent: correlation between participants is not
 * modelled. See {@code docs/uncertainty.md}.
 */
package org.peergrid.market.uncertainty;
