package org.peergrid.market.scenario;

/**
 * A shareable battery at a bus, owned by the community.
 *
 * @param id unique participant id
 * @param bus MATPOWER bus number
 * @param battery its technical data
 */
public record CommunityBattery(String id, int bus, BatterySpec battery) implements Participant {

  public CommunityBattery {
    Participants.requireId(id);
    java.util.Objects.requireNonNull(battery, "battery");
  }

  @Override
  public String typeName() {
    return "community_battery";
  }
}
