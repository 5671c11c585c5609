package io.shaledb.kv;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A user key and its value as returned by reads. The arrays are owned by the receiver; producers
 * never keep or mutate them after returning them.
 */
public record KeyValue(byte[] key, byte[] value) {
  public KeyValue {
    if (key == null || value == null) {
      throw new IllegalArgumentException("key and value must be non-null");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue kv && Arrays.equals(key, kv.key) && Arrays.equals(value, kv.value);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value);
  }
}
