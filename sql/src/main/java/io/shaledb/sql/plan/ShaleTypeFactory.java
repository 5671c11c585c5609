package io.shaledb.sql.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's Java type factory over {@link ShaleTypeSystem}, with the scalar and record types it
 * hands out remembered.
 *
 * <p>Calcite makes every type by building a new object (and its digest string), then looking it
 * up in its global interner to return the canonical instance. Planning a short query asks for a
 * few dozen scalar types (each literal, each comparison's coercion, each nullability change), and
 * that build-then-intern was about 5% of a server's time per query. Here the canonical result of
 * each scalar request is kept by its arguments: the answer depends only on them, because the type
 * system and the default character set are fixed, and canonical types are shared by all factories.
 *
 * <p>Record types (every project, aggregate and join makes one) are canonicalised by Calcite
 * through a Guava cache with weak values and an interner, about 3% of a short query's server time;
 * here they are kept by (kind, field names, field types, nullability), Calcite's own key, so a
 * repeat costs one hash lookup over strings and types whose hashes are already computed.
 *
 * <p>The memos hold strong references, so what they return stays canonical. They are shared by
 * every factory and thread, and each is cleared when it passes {@link #MAX_ENTRIES}.
 */
public final class ShaleTypeFactory extends JavaTypeFactoryImpl {
  private static final int MAX_ENTRIES = 4096;

  /** Scalar types by (name, precision, scale); precision and scale may be "not specified". */
  private static final Map<ScalarKey, RelDataType> SCALARS = new ConcurrentHashMap<>();

  /** For a canonical scalar type: its NOT NULL variant at [0] and its nullable variant at [1]. */
  private static final Map<RelDataType, RelDataType[]> NULLABILITY = new ConcurrentHashMap<>();

  /** Record types by Calcite's canonicalisation key. */
  private static final Map<StructKey, RelDataType> STRUCTS = new ConcurrentHashMap<>();

  private record ScalarKey(SqlTypeName name, int precision, int scale) {}

  /** Field types compare by their digests, as in Calcite's key: canonical types are unique per digest. */
  private record StructKey(StructKind kind, List<String> names, List<RelDataType> types, boolean nullable) {}

  /** Marks "no precision" / "no scale" in a key, distinct from every value a caller may pass. */
  private static final int ABSENT = Integer.MIN_VALUE + 1;

  public ShaleTypeFactory() {
    super(ShaleTypeSystem.INSTANCE);
  }

  @Override
  public RelDataType createSqlType(SqlTypeName typeName) {
    return scalar(new ScalarKey(typeName, ABSENT, ABSENT));
  }

  @Override
  public RelDataType createSqlType(SqlTypeName typeName, int precision) {
    return scalar(new ScalarKey(typeName, precision, ABSENT));
  }

  @Override
  public RelDataType createSqlType(SqlTypeName typeName, int precision, int scale) {
    return scalar(new ScalarKey(typeName, precision, scale));
  }

  private RelDataType scalar(ScalarKey key) {
    RelDataType type = SCALARS.get(key);
    if (type == null) {
      if (key.precision == ABSENT) {
        type = super.createSqlType(key.name);
      } else if (key.scale == ABSENT) {
        type = super.createSqlType(key.name, key.precision);
      } else {
        type = super.createSqlType(key.name, key.precision, key.scale);
      }
      remember(SCALARS, key, type);
    }
    return type;
  }

  @Override
  protected RelDataType canonize(StructKind kind, List<String> names, List<RelDataType> types,
      boolean nullable) {
    RelDataType type = STRUCTS.get(new StructKey(kind, names, types, nullable));
    if (type == null) {
      type = super.canonize(kind, names, types, nullable);
      // The caller's lists may be mutable builders: the stored key gets copies.
      remember(STRUCTS, new StructKey(kind, Collections.unmodifiableList(new ArrayList<>(names)),
          Collections.unmodifiableList(new ArrayList<>(types)), nullable), type);
    }
    return type;
  }

  @Override
  public RelDataType createTypeWithNullability(RelDataType type, boolean nullable) {
    if (!(type instanceof BasicSqlType)) {
      return super.createTypeWithNullability(type, nullable);
    }
    // Keyed by digest equality: equal types have the same canonical variants.
    RelDataType[] variants = NULLABILITY.get(type);
    int slot = nullable ? 1 : 0;
    if (variants != null) {
      RelDataType known = variants[slot];
      if (known != null) {
        return known;
      }
    }
    RelDataType result = super.createTypeWithNullability(type, nullable);
    RelDataType[] updated = variants == null ? new RelDataType[2] : variants.clone();
    updated[slot] = result;
    remember(NULLABILITY, type, updated);
    return result;
  }

  private static <K, V> void remember(Map<K, V> memo, K key, V value) {
    if (memo.size() >= MAX_ENTRIES) {
      memo.clear();
    }
    memo.put(key, value);
  }
}
