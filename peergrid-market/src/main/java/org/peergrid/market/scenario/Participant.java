package org.peergrid.market.scenario;

/** A market participant connected at one bus (MATPOWER bus number). */
public sealed interface Participant permits Building, DistributedGenerator, CommunityBattery, ElectricVehicle {

  String id();

  int bus();

  /** The participant's {@code type} key in scenario files. */
  String typeName();
}
