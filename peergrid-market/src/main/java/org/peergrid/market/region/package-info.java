/**
 * A region of several feeders, each with its own DSO, behind one upstream substation
 * (docs/region.md): the region file, the region's clearing and how its money is split.
 */
package org.peergrid.market.region;
