package io.shaledb.sql.plan;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.rowenc.TextConversions;
import io.shaledb.sql.schema.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's constant reducer with a fast path for the constants planning reduces most: a numeric
 * literal cast to an approximate type ({@code col4 > 25.60} on a DOUBLE column compares with
 * {@code CAST(25.60 AS DOUBLE)}). Calcite's own reducer ({@code RexExecutorImpl}) generates Java
 * source for every batch and compiles it with Janino — about a millisecond each, several times per
 * statement — which was over half of the server's time on sqllogictest's index/between files.
 * Here such casts become literals directly, with the value the generated code computes
 * (a primitive conversion of an integer literal,
 * {@link BigDecimal#doubleValue()} of a decimal one, or the float value for REAL). A text literal
 * cast to a numeric type is read as an INSERT reads it ({@link TextConversions}). A cast that must
 * raise (a value out of REAL's range, text that is not a number of the type) stays as it is, so it
 * raises when it runs, as PostgreSQL's does. Everything else goes to the delegate unchanged, in
 * one batch, and the results are merged back in order.
 */
public final class LiteralCastExecutor implements RexExecutor {
  /** The shared instance over Calcite's default reducer (stateless). */
  public static final LiteralCastExecutor INSTANCE = new LiteralCastExecutor(RexUtil.EXECUTOR);

  private final RexExecutor delegate;

  public LiteralCastExecutor(RexExecutor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
    RexNode[] out = new RexNode[constExps.size()];
    List<RexNode> rest = new ArrayList<>();
    List<Integer> restIndex = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      RexNode e = constExps.get(i);
      RexNode fast = castLiteral(rexBuilder, e);
      if (fast != null) {
        out[i] = fast;
      } else {
        rest.add(e);
        restIndex.add(i);
      }
    }
    if (!rest.isEmpty()) {
      List<RexNode> reduced = new ArrayList<>(rest.size());
      delegate.reduce(rexBuilder, rest, reduced);
      for (int j = 0; j < rest.size(); j++) {
        out[restIndex.get(j)] = reduced.get(j);
      }
    }
    reducedValues.addAll(List.of(out));
  }

  /**
   * What {@code e} reduces to when it is a non-null numeric literal cast to DOUBLE/FLOAT/REAL or a
   * text literal cast to a numeric type: a literal, or {@code e} itself when the cast must raise
   * when it runs; null when it is neither (the delegate's).
   */
  static RexNode castLiteral(RexBuilder rexBuilder, RexNode e) {
    if (e.getKind() != SqlKind.CAST || !(e instanceof RexCall call) || call.getOperands().size() != 1
        || !(call.getOperands().get(0) instanceof RexLiteral literal)) {
      return null;
    }
    SqlTypeName from = literal.getType().getSqlTypeName();
    if (from == SqlTypeName.CHAR || from == SqlTypeName.VARCHAR) {
      return textLiteral(rexBuilder, call, literal);
    }
    SqlTypeName target = e.getType().getSqlTypeName();
    if (target != SqlTypeName.DOUBLE && target != SqlTypeName.FLOAT && target != SqlTypeName.REAL) {
      return null;
    }
    if (!SqlTypeName.EXACT_TYPES.contains(from) && !SqlTypeName.APPROX_TYPES.contains(from)) {
      return null;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (value == null) {
      return null;
    }
    if (target == SqlTypeName.REAL && !ShaleRexBuilder.fitsReal(literal)) {
      return e; // out of REAL's range: not reduced, the cast raises 22003 when it runs
    }
    double d;
    switch (from) {
      // an integer literal is a Java primitive in the generated code, converted by a primitive cast
      case TINYINT -> d = target == SqlTypeName.REAL ? (float) value.byteValue() : value.byteValue();
      case SMALLINT -> d = target == SqlTypeName.REAL ? (float) value.shortValue() : value.shortValue();
      case INTEGER -> d = target == SqlTypeName.REAL ? (float) value.intValue() : value.intValue();
      case BIGINT -> d = target == SqlTypeName.REAL ? (float) value.longValue() : value.longValue();
      default -> d = target == SqlTypeName.REAL ? value.floatValue() : value.doubleValue();
    }
    if (Double.isInfinite(d) || Double.isNaN(d)) {
      return null;
    }
    return rexBuilder.makeLiteral(d, e.getType(), true);
  }

  /**
   * A text literal cast to INTEGER, BIGINT, DECIMAL(p,s), REAL or DOUBLE, read by the rules an
   * INSERT of the text follows ({@link TextConversions}): the literal when it reads, the cast
   * itself (not reduced; it raises when it runs) when it does not, null for other targets (the
   * delegate's).
   */
  private static RexNode textLiteral(RexBuilder rexBuilder, RexCall cast, RexLiteral literal) {
    RelDataType type = cast.getType();
    SqlType target = TypeMapping.numericTextTarget(type);
    String text = literal.getValueAs(String.class);
    if (target == null || text == null) {
      return null;
    }
    Object v;
    try {
      v = TextConversions.toNumber(target, text);
    } catch (SqlError e) {
      return cast;
    }
    return switch (target.kind()) {
      case INTEGER, BIGINT -> rexBuilder.makeExactLiteral(BigDecimal.valueOf(((Number) v).longValue()), type);
      case DECIMAL -> rexBuilder.makeExactLiteral((BigDecimal) v, type);
      default -> rexBuilder.makeLiteral(((Number) v).doubleValue(), type, true);
    };
  }
}
