/** The energy-sharing engine: scenarios, the LinDistFlow dispatch LP, prices and settlements. */
package org.peergrid.market;
