package org.peergrid.platform.store;

/**
 * A participant registered on a day.
 *
 * @param dayId the day
 * @param id its id, unique on the day
 * @param bus its MATPOWER bus number
 * @param publicKey base64 raw Ed25519 public key that its offers must verify with
 */
public record ParticipantRecord(String dayId, String id, int bus, String publicKey) {}
