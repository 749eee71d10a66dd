/**
 * The messages of the virtual-community game (docs/vc-game.md): immutable records that carry only
 * identifiers, prices, quantities and money, never a load, a PV forecast or a battery's state, so
 * that they could cross a network as they are. {@code MessageTypesTest} holds every record here to
 * that rule by reflection.
 */
package org.peergrid.market.vc.messages;
