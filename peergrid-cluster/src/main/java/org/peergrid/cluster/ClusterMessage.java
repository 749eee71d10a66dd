package org.peergrid.cluster;

/** Marker of every message that may cross between nodes: bound to {@link CborSerializer} in reference.conf. */
public interface ClusterMessage {}
