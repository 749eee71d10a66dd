package org.peergrid.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.NotSerializableException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The wire schema of the game's messages (docs/cluster.md): each {@link ClusterMessage} is a Java
 * record written as a CBOR map of its components by Jackson (RFC 8949; doubles as 64-bit floats, so
 * results are bit-identical to in-process), with the record's class name as pekko's manifest and an
 * actor reference as its pekko path string. Counts what it writes and reads ({@link CrossNodeTraffic}).
 */
public final class CborSerializer extends SerializerWithStringManifest {
  /** Pekko's id of this serializer (ids below 40 are pekko's own). */
  static final int ID = 7321;
  private final ObjectMapper mapper;

  public CborSerializer(ExtendedActorSystem system) {
    ActorRefResolver resolver = ActorRefResolver.get(Adapter.toTyped(system));
    @SuppressWarnings("rawtypes")
    SimpleModule refs = new SimpleModule("pekko-actor-refs");
    refs.addSerializer(ActorRef.class, new JsonSerializer<ActorRef>() {
      @Override
      public void serialize(ActorRef ref, JsonGenerator gen, SerializerProvider p) throws IOException {
        gen.writeString(resolver.toSerializationFormat(ref));
      }
    });
    refs.addDeserializer(ActorRef.class, new JsonDeserializer<ActorRef>() {
      @Override
      public ActorRef deserialize(JsonParser parser, DeserializationContext c) throws IOException {
        return resolver.resolveActorRef(parser.getValueAsString());
      }
    });
    mapper = new ObjectMapper(new CBORFactory()).registerModule(refs)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  @Override
  public int identifier() {
    return ID;
  }

  @Override
  public String manifest(Object o) {
    return o.getClass().getName();
  }

  @Override
  public byte[] toBinary(Object o) {
    try {
      byte[] bytes = mapper.writeValueAsBytes(o);
      CrossNodeTraffic.counted(bytes.length);
      return bytes;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + o.getClass().getName() + " as CBOR: " + e.getMessage(), e);
    }
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try {
      Class<?> type = Class.forName(manifest);
      if (!ClusterMessage.class.isAssignableFrom(type)) {
        throw new NotSerializableException(manifest + " is not a peergrid cluster message");
      }
      Object o = mapper.readValue(bytes, type);
      CrossNodeTraffic.counted(bytes.length);
      return o;
    } catch (ClassNotFoundException e) {
      throw new NotSerializableException("unknown message type " + manifest);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + manifest + " from CBOR: " + e.getMessage(), e);
    }
  }
}
