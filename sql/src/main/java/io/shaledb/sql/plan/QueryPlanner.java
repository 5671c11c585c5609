package io.shaledb.sql.plan;

import com.google.common.collect.ImmutableList;
import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.bind.DirectConverter;
import io.shaledb.sql.bind.DirectPlan;
import io.shaledb.sql.bind.UnsupportedQueryException;
import io.shaledb.sql.catalog.Catalog;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.interp.InterpretedPlan;
import io.shaledb.sql.interp.NotInterpretableException;
import io.shaledb.sql.interp.RelCompiler;
import io.shaledb.sql.parse.CalciteParsing;
import io.shaledb.sql.schema.InformationSchema;
import io.shaledb.sql.schema.ShaleSchema;
import io.shaledb.sql.schema.TypeMapping;
import io.shaledb.txn.KvTxn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Turns a query's SqlNode into a compiled {@link PlannedQuery}: validation against the catalog
 * (read through the planning statement's transaction), conversion to relational algebra, cost-based
 * optimisation into Calcite's Enumerable convention (filters pushed into {@code ShaleTable} scans
 * choose index bounds), and code generation. One instance per planning; not thread-safe.
 */
public final class QueryPlanner implements RelOptTable.ViewExpander {
  private static final SqlOperatorTable BUILTINS = caseInsensitive(SqlOperatorTables.chain(
      SqlStdOperatorTable.instance(),
      SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL)));

  /**
   * The catalog reader's settings (case-sensitive names, our conformance): immutable, and parsing
   * them per planner was a few percent of a short query's planning.
   */
  private static final CalciteConnectionConfig CONFIG = connectionConfig();

  /**
   * The parts of a heuristic planner that hold nothing of one query, made once per thread: a type
   * factory, a Volcano planner (only its executor and trait set are used: nothing registers into
   * it on the heuristic path) and a cluster over them. Building them was about 7% of a short
   * query's server time (the cluster's metadata cache, the RexBuilder's constant literals). Only
   * the cluster's metadata query carries state from one planning to the next; the constructor
   * invalidates it. Cost-based planners register the query into their planner, so they get fresh
   * ones.
   */
  private static final class Reusable {
    final JavaTypeFactory typeFactory = new ShaleTypeFactory();
    final VolcanoPlanner planner = new ContextOnlyPlanner();
    final RelOptCluster cluster = RelOptCluster.create(planner, new ShaleRexBuilder(typeFactory));
  }

  /**
   * The planner of a reused cluster: a planning context (trait definitions, executor) that must
   * keep nothing of the queries planned in it. Every TableScan registers its table's schema (the
   * planning's catalog reader, which holds the statement's transaction) with its cluster's planner,
   * which a Volcano planner keeps for good: ignored here (a catalog reader registers no rules).
   * Registering a plan would keep it too, and never happens on the heuristic path: it fails.
   */
  static final class ContextOnlyPlanner extends VolcanoPlanner {
    ContextOnlyPlanner() {
      addRelTraitDef(ConventionTraitDef.INSTANCE);
      setExecutor(LiteralCastExecutor.INSTANCE);
    }

    @Override
    public void registerSchema(org.apache.calcite.plan.RelOptSchema schema) {
      // keeps nothing (see the class comment)
    }

    @Override
    public void setRoot(RelNode rel) {
      throw new IllegalStateException("a heuristic planning context does not optimise");
    }

    @Override
    public org.apache.calcite.plan.volcano.RelSubset register(RelNode rel, RelNode equivRel) {
      throw new IllegalStateException("a heuristic planning context does not register plans");
    }

    @Override
    public org.apache.calcite.plan.volcano.RelSubset ensureRegistered(RelNode rel, RelNode equivRel) {
      throw new IllegalStateException("a heuristic planning context does not register plans");
    }
  }

  private static final ThreadLocal<Reusable> REUSABLE = ThreadLocal.withInitial(Reusable::new);

  private final JavaTypeFactory typeFactory;
  private final SchemaPlus rootSchema;
  private final ShaleSchema publicSchema;
  /** {@link #publicSchema} as Calcite wraps it in {@link #rootSchema}. */
  private final CalciteSchema publicCalciteSchema;
  private final CalciteCatalogReader catalogReader;
  private final VolcanoPlanner planner;
  private final RelOptCluster cluster;

  private final String databaseName;

  /** Whether this planner may run the cost-based optimiser (see the constructor). */
  private final boolean costBased;

  /**
   * Whether this planner is planning a query again after {@link NeedsCostBasedPlanning}: its
   * conversion is not counted in the direct/fallback statistics a second time, and the
   * interpreter is not tried on the heuristic plan again (it already failed on it).
   */
  private boolean again;

  /**
   * The heuristic plan of a query is not interpretable: plan it again with a cost-based planner
   * (from a freshly parsed query: validation mutates SqlNodes).
   */
  public static final class NeedsCostBasedPlanning extends RuntimeException {
    NeedsCostBasedPlanning(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * A planner for the heuristic, interpreted path (see {@link #plan(SqlNode)}); when that path
   * cannot run a query, {@link #plan(SqlNode)} throws {@link NeedsCostBasedPlanning} and the
   * caller plans it again with {@link #QueryPlanner(Catalog, KvTxn, int, String, boolean) a
   * cost-based one} (with -Dshale.interpret=false every planner is cost-based).
   */
  public QueryPlanner(Catalog catalog, KvTxn txn, int databaseId, String databaseName) {
    this(catalog, txn, databaseId, databaseName, !INTERPRET);
  }

  /**
   * @param costBased whether this planner runs the cost-based optimiser (EXPLAIN, and queries the
   *     interpreter cannot run): only then do its plans carry collation traits, which every
   *     logical operator otherwise derives through metadata queries as it is created (~5% of a
   *     short query's server time); always with -Dshale.interpret=false
   */
  public QueryPlanner(Catalog catalog, KvTxn txn, int databaseId, String databaseName, boolean costBased) {
    this.costBased = costBased || !INTERPRET;
    this.databaseName = databaseName;
    rootSchema = CalciteSchema.createRootSchema(false, false).plus();
    publicSchema = new ShaleSchema(catalog, txn, databaseId);
    publicCalciteSchema = CalciteSchema.from(rootSchema.add("public", publicSchema));
    rootSchema.add("information_schema", new InformationSchema());
    if (this.costBased) {
      typeFactory = new ShaleTypeFactory();
      planner = new VolcanoPlanner();
      planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
      planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
      planner.setExecutor(LiteralCastExecutor.INSTANCE);
      cluster = RelOptCluster.create(planner, new ShaleRexBuilder(typeFactory));
    } else {
      Reusable r = REUSABLE.get();
      typeFactory = r.typeFactory;
      planner = r.planner;
      cluster = r.cluster;
      cluster.invalidateMetadataQuery();
    }
    catalogReader = new CalciteCatalogReader(CalciteSchema.from(rootSchema), List.of("public"),
        typeFactory, CONFIG);
  }


  private static CalciteConnectionConfig connectionConfig() {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    p.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), CalciteParsing.CONFORMANCE.name());
    return new FixedConfig(p);
  }

  /**
   * Calcite's connection settings answer every question by parsing their properties again (each
   * catalog reader asks {@code caseSensitive()}: ~1.5% of a short query's server time); the ones
   * planning asks are read once here.
   */
  private static final class FixedConfig extends CalciteConnectionConfigImpl {
    private final boolean caseSensitive;
    private final org.apache.calcite.config.Lex lex;
    private final org.apache.calcite.sql.validate.SqlConformance conformance;

    FixedConfig(Properties p) {
      super(p);
      // lex first: the others read it through the overridden lex()
      lex = super.lex();
      caseSensitive = super.caseSensitive();
      conformance = super.conformance();
    }

    @Override
    public boolean caseSensitive() {
      return caseSensitive;
    }

    @Override
    public org.apache.calcite.config.Lex lex() {
      return lex;
    }

    @Override
    public org.apache.calcite.sql.validate.SqlConformance conformance() {
      return conformance;
    }
  }

  /** Registers the cost-based optimiser's rules (only plans that need Volcano pay for this). */
  private void registerVolcanoRules() {
    if (!planner.getRules().isEmpty()) {
      return;
    }
    RelOptUtil.registerDefaultRules(planner, false, false);
    // Calcite's semi-join rules, minus their misfire on global aggregates (GroupedSemiJoinRules)
    for (org.apache.calcite.plan.RelOptRule rule : List.copyOf(planner.getRules())) {
      if (GroupedSemiJoinRules.REPLACED.contains(rule.toString())) {
        planner.removeRule(rule);
      }
    }
    planner.addRule(GroupedSemiJoinRules.PROJECT);
    planner.addRule(GroupedSemiJoinRules.JOIN);
    planner.addRule(ShaleFilterScanRule.FILTER);
    planner.addRule(ShaleFilterScanRule.SCAN);
    // A ShaleIndexScan is a TableScan that returns only the rows inside its key bounds. These rules
    // match any TableScan over a ProjectableFilterableTable and rebuild a whole-table scan from it,
    // which Volcano then took as equivalent to the bounded scan, merging their sets (rows of one
    // sub-query's range answered another's full scan: 13_bounded_scans.sql). Our own scan rules
    // replace them.
    planner.removeRule(CoreRules.PROJECT_TABLE_SCAN);
    planner.removeRule(CoreRules.PROJECT_INTERPRETER_TABLE_SCAN);
    planner.removeRule(CoreRules.FILTER_SCAN);
    planner.removeRule(CoreRules.FILTER_INTERPRETER_SCAN);
  }

  /** A root schema with "public" (the database's tables, resolved through txn) and information_schema. */
  public static SchemaPlus rootSchema(Catalog catalog, KvTxn txn, int databaseId) {
    SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
    root.add("public", new ShaleSchema(catalog, txn, databaseId));
    root.add("information_schema", new InformationSchema());
    return root;
  }

  /**
   * The table {@code name} of the "public" schema as {@link CalciteCatalogReader#getTable} gives it
   * for {@code ["public", name]}, without its walk over the schema paths and sub-schema lookups
   * (~2% of a short query's server time); null when there is none.
   */
  private Prepare.PreparingTable publicTable(String name) {
    Table table = publicSchema.table(name);
    if (table == null) {
      return null;
    }
    CalciteSchema.TableEntry entry = new CalciteSchema.TableEntryImpl(publicCalciteSchema, name, table,
        ImmutableList.of());
    return RelOptTableImpl.create(catalogReader, table.getRowType(typeFactory), entry, null);
  }

  /** A validator over this planner's catalog view. */
  public SqlValidator newValidator() {
    return new ShaleValidator(
        SqlOperatorTables.chain(BUILTINS, catalogReader), catalogReader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(CalciteParsing.CONFORMANCE)
            .withIdentifierExpansion(true)
            .withDefaultNullCollation(NullCollation.HIGH));
  }

  public JavaTypeFactory typeFactory() {
    return typeFactory;
  }

  /** Tables resolved so far, by name. */
  public Map<String, TableDescriptor> resolvedTables() {
    return publicSchema.resolved();
  }

  /**
   * Validates, optimises and compiles a query: heuristically and interpreted when possible (see
   * {@link #plan(SqlNode, boolean)}). Throws Calcite's exceptions (see ErrorTranslator).
   */
  public PlannedQuery plan(SqlNode query) {
    return plan(query, INTERPRET);
  }

  /**
   * As {@link #plan(SqlNode)} for a query whose heuristic plan threw {@link NeedsCostBasedPlanning}
   * (this planner must be cost-based): the same conversion, not counted again in the statistics,
   * then straight to the cost-based optimiser.
   */
  public PlannedQuery planAgain(SqlNode query) {
    if (!costBased) {
      throw new IllegalStateException("planAgain needs a cost-based planner");
    }
    again = true;
    return plan(query, INTERPRET);
  }

  /**
   * Validates, optimises and compiles a query. With {@code heuristic}, sub-queries are removed
   * and decorrelated, filters pushed into joins, joins of three or more inputs ordered greedily
   * ({@link HeuristicPlanner}) and the result interpreted; when the interpreter cannot run that
   * plan, and always without {@code heuristic} (EXPLAIN shows the cost-based plan), Calcite's
   * cost-based optimiser plans into Enumerable operators, which are interpreted or compiled.
   */
  public PlannedQuery plan(SqlNode query, boolean heuristic) {
    if (!heuristic && !costBased) {
      throw new NeedsCostBasedPlanning("cost-based plan requested");
    }
    try {
      return planOnce(query, heuristic);
    } finally {
      if (!costBased) {
        // the reused cluster's metadata query holds this plan's nodes (and through their tables,
        // the statement's transaction) until it is dropped
        cluster.invalidateMetadataQuery();
      }
    }
  }

  private PlannedQuery planOnce(SqlNode query, boolean heuristic) {
    long t0 = PlanPhase.start();
    SqlNode rewritten = FunctionRewriter.rewrite(query, databaseName);
    List<String> labels = ColumnLabels.of(rewritten);
    Converted converted = null;
    if (heuristic && directEnabled()) {
      converted = convertDirectly(rewritten, labels);
      PlanPhase.TO_REL.end(t0);
      if (converted != null && verifyMode()) {
        verify(query, converted, convertWithValidator(rewritten, labels, PlanPhase.start()));
      }
      t0 = PlanPhase.start();
    }
    if (converted == null) {
      converted = convertWithValidator(rewritten, labels, t0);
    }
    return finish(converted, heuristic);
  }

  /**
   * A query converted to logical algebra: the plan, the traits the cost-based optimiser must
   * deliver, the result row type and columns, the parameter types.
   */
  private record Converted(RelNode logical, RelTraitSet desired, RelDataType rowType,
      List<ColumnMeta> columns, List<RelDataType> paramTypes) {}

  /** The validator path: SqlValidator then SqlToRelConverter. */
  private Converted convertWithValidator(SqlNode rewritten, List<String> labels, long t0) {
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(rewritten);
    RelDataType rowType = validator.getValidatedNodeType(validated);
    List<List<String>> origins = validator.getFieldOrigins(validated);
    PlanPhase.VALIDATE.end(t0);
    t0 = PlanPhase.start();

    SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
    RelRoot root = converter.convertQuery(validated, false, true);
    root = root.withRel(converter.flattenTypes(root.rel, true));
    // constant CASE conditions decided as PostgreSQL folds them (the direct path does it converting)
    root = root.withRel(io.shaledb.sql.bind.DeadCaseArms.apply(root.rel, cluster.getRexBuilder()));
    // integer overflow and float division by zero raise, as in PostgreSQL
    root = root.withRel(ArithmeticChecks.apply(root.rel, cluster.getRexBuilder()));

    RelNode logical;
    RelTraitSet desired;
    if (root.isRefTrivial()) {
      logical = root.rel;
      desired = root.rel.getTraitSet().replace(EnumerableConvention.INSTANCE).replace(root.collation).simplify();
    } else {
      // ORDER BY on columns not selected: project them away above the sort
      logical = root.project();
      desired = logical.getTraitSet().replace(EnumerableConvention.INSTANCE).simplify();
    }
    PlanPhase.TO_REL.end(t0);
    return new Converted(logical, desired, rowType, columns(rowType, origins, labels),
        paramTypesByIndex(validator, validated));
  }

  /**
   * The direct path ({@link DirectConverter}): the same algebra without validation, or null when
   * the query is outside its subset.
   */
  private Converted convertDirectly(SqlNode rewritten, List<String> labels) {
    DirectPlan direct;
    try {
      direct = new DirectConverter(cluster, this::publicTable, this).convert(rewritten);
    } catch (UnsupportedQueryException e) {
      if (!again) {
        fallback(e.reason());
      }
      return null;
    } catch (RuntimeException e) {
      if (verifyMode()) {
        throw e;
      }
      if (!again) {
        fallback("error " + e.getClass().getSimpleName());
      }
      return null;
    }
    if (!again) {
      DIRECT_PLANS.increment();
    }
    RelNode logical = ArithmeticChecks.apply(direct.rel(), cluster.getRexBuilder());
    RelTraitSet desired = logical.getTraitSet().replace(EnumerableConvention.INSTANCE).simplify();
    return new Converted(logical, desired, direct.rowType(),
        columns(direct.rowType(), direct.origins(), labels), List.of());
  }

  private static void fallback(String reason) {
    FALLBACK_PLANS.increment();
    if (DIRECT_DEBUG) {
      FALLBACK_REASONS.computeIfAbsent(reason, r -> new java.util.concurrent.atomic.LongAdder()).increment();
    }
  }

  /** Verify mode: the direct conversion must report what the validator path reports. */
  private static void verify(SqlNode query, Converted direct, Converted validated) {
    if (!direct.rowType().equals(validated.rowType())
        || !direct.columns().equals(validated.columns())
        || !direct.paramTypes().equals(validated.paramTypes())) {
      throw new IllegalStateException("direct plan differs from the validator's for: " + query
          + "\n direct:    " + direct.rowType().getFullTypeString() + " " + direct.columns()
          + "\n validator: " + validated.rowType().getFullTypeString() + " " + validated.columns());
    }
  }

  private List<ColumnMeta> columns(RelDataType rowType, List<List<String>> origins, List<String> labels) {
    List<ColumnMeta> columns = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      ColumnMeta m = columnMeta(fields.get(i), origins == null ? null : origins.get(i));
      if (labels != null && i < labels.size() && labels.get(i) != null && m.name().startsWith("EXPR$")) {
        m = new ColumnMeta(labels.get(i), m.tableName(), m.jdbcType(), m.typeName(), m.precision(),
            m.scale(), m.nullable());
      }
      columns.add(m);
    }
    return columns;
  }

  /** Optimises and compiles a converted query (see {@link #plan(SqlNode, boolean)}). */
  private PlannedQuery finish(Converted c, boolean heuristic) {
    RelNode logical = c.logical();
    RelDataType rowType = c.rowType();
    List<ColumnMeta> columns = c.columns();
    List<RelDataType> paramTypes = c.paramTypes();
    long t0;
    if (heuristic && !again) {
      t0 = PlanPhase.start();
      try {
        RelNode opt = HeuristicPlanner.optimize(planner, logical);
        InterpretedPlan interpreted = new InterpretedPlan(new RelCompiler(cluster.getRexBuilder()).compile(opt));
        PlanPhase.HEURISTIC.end(t0);
        INTERPRETED.increment();
        List<ScanSpec> scans = new ArrayList<>();
        collectScans(opt, scans);
        // no plan text: EXPLAIN plans through the cost-based path (forExplain), and printing the
        // tree cost ~3% of a short query's server time
        return new PlannedQuery(interpreted, null, List.copyOf(scans), typeFactory, Map.of(),
            rowType, columns, paramTypes, Map.copyOf(publicSchema.resolved()));
      } catch (NotInterpretableException e) {
        PlanPhase.HEURISTIC.end(t0);
        if (DEBUG) {
          System.err.println("not interpreted (heuristic plan): " + e.getMessage());
        }
        if (!costBased) {
          throw new NeedsCostBasedPlanning(e.getMessage());
        }
      }
    }
    t0 = PlanPhase.start();
    registerVolcanoRules();
    Program program = Programs.standard();
    RelNode best = program.run(planner, JoinConditionSubQueries.pullAboveInnerJoins(logical), c.desired(),
        List.of(), List.of());
    PlanPhase.OPTIMIZE.end(t0);
    t0 = PlanPhase.start();
    Map<String, Object> internal = new HashMap<>();
    Bindable<Object> bindable = implement(best, internal);
    PlanPhase.IMPLEMENT.end(t0);
    List<ScanSpec> scans = new ArrayList<>();
    collectScans(best, scans);
    return new PlannedQuery(bindable, RelOptUtil.toString(best), List.copyOf(scans), typeFactory, internal, rowType, columns,
        paramTypes, Map.copyOf(publicSchema.resolved()));
  }

  /**
   * Whether the direct converter plans the queries it supports ({@code -Dshale.direct=false}
   * disables it: always the validator path).
   */
  private static boolean directEnabled() {
    return switches.direct;
  }

  /**
   * Verify mode ({@code -Dshale.direct.verify=true}): queries the direct converter supports are
   * also converted by the validator path, and any difference in row type or columns fails the
   * query loudly.
   */
  private static boolean verifyMode() {
    return switches.verify;
  }

  /**
   * With {@code -Dshale.plan.costBasedOnly=true} every query takes the path of one the interpreter
   * cannot run after heuristic planning: the cost-based optimiser (for tests).
   */
  public static boolean costBasedOnly() {
    return switches.costBasedOnly;
  }

  /**
   * The planning switches tests turn on and off, read from system properties at start and again
   * on {@link #reloadSwitches()}: reading the properties per planning (a synchronized Hashtable
   * lookup each) was about 1% of a short query's server time.
   */
  private record Switches(boolean direct, boolean verify, boolean costBasedOnly) {
    static Switches read() {
      return new Switches(!"false".equals(System.getProperty("shale.direct")),
          Boolean.getBoolean("shale.direct.verify"), Boolean.getBoolean("shale.plan.costBasedOnly"));
    }
  }

  private static volatile Switches switches = Switches.read();

  /** Reads {@code shale.direct}, {@code shale.direct.verify} and {@code shale.plan.costBasedOnly} again. */
  public static void reloadSwitches() {
    switches = Switches.read();
  }
  private static final boolean DIRECT_DEBUG = Boolean.getBoolean("shale.direct.debug");
  private static final java.util.concurrent.atomic.LongAdder DIRECT_PLANS = new java.util.concurrent.atomic.LongAdder();
  private static final java.util.concurrent.atomic.LongAdder FALLBACK_PLANS = new java.util.concurrent.atomic.LongAdder();
  private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> FALLBACK_REASONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Queries the direct converter planned so far in this JVM. */
  public static long directPlanCount() {
    return DIRECT_PLANS.sum();
  }

  /** Queries the direct converter refused (planned by the validator path) so far in this JVM. */
  public static long fallbackPlanCount() {
    return FALLBACK_PLANS.sum();
  }

  /**
   * Queries planned by the direct converter and by the validator path (fall-backs) so far in
   * this JVM, with the commonest reasons for falling back when {@code -Dshale.direct.debug=true}.
   */
  public static String directCounts() {
    StringBuilder sb = new StringBuilder("direct " + DIRECT_PLANS.sum() + ", fallback " + FALLBACK_PLANS.sum());
    if (!FALLBACK_REASONS.isEmpty()) {
      sb.append(" (");
      FALLBACK_REASONS.entrySet().stream()
          .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
          .limit(15)
          .forEach(e -> sb.append(e.getKey()).append(": ").append(e.getValue().sum()).append("; "));
      sb.append(")");
    }
    return sb.toString();
  }

  /** Whether plans are interpreted when possible (else always code-generated); for comparisons. */
  private static final boolean INTERPRET = !"false".equals(System.getProperty("shale.interpret"));
  private static final boolean DEBUG = Boolean.getBoolean("shale.interpret.debug");
  private static final java.util.concurrent.atomic.LongAdder INTERPRETED = new java.util.concurrent.atomic.LongAdder();
  private static final java.util.concurrent.atomic.LongAdder GENERATED = new java.util.concurrent.atomic.LongAdder();

  /** Plans interpreted and plans code-generated so far in this JVM (diagnostics). */
  public static String implementationCounts() {
    return "interpreted " + INTERPRETED.sum() + ", code-generated " + GENERATED.sum();
  }

  /**
   * An executable form of the physical plan: interpreted ({@link RelCompiler}) when the
   * interpreter implements every operator and expression in it, else Calcite's generated code.
   */
  @SuppressWarnings("unchecked")
  private Bindable<Object> implement(RelNode best, Map<String, Object> internal) {
    if (INTERPRET) {
      try {
        InterpretedPlan p = new InterpretedPlan(new RelCompiler(cluster.getRexBuilder()).compile(best));
        INTERPRETED.increment();
        return p;
      } catch (NotInterpretableException e) {
        GENERATED.increment();
        if (DEBUG) {
          System.err.println("not interpreted: " + e.getMessage());
        }
      }
    }
    return EnumerableInterpretable.toBindable(internal, null, (EnumerableRel) best, EnumerableRel.Prefer.ARRAY);
  }

  private static void collectScans(RelNode rel, List<ScanSpec> out) {
    if (rel instanceof ShaleIndexScan s) {
      out.add(new ScanSpec(s.shaleTable(), s.conjuncts()));
    } else if (rel instanceof org.apache.calcite.rel.core.TableScan scan
        && scan.getTable().unwrap(io.shaledb.sql.schema.ShaleTable.class) != null) {
      out.add(new ScanSpec(scan.getTable().unwrap(io.shaledb.sql.schema.ShaleTable.class), List.of()));
    }
    for (RelNode in : rel.getInputs()) {
      collectScans(in, out);
    }
  }

  /** Parameter types indexed by parameter number (null where the query has no such parameter). */
  private static List<RelDataType> paramTypesByIndex(SqlValidator validator, SqlNode validated) {
    List<RelDataType> types = new ArrayList<>();
    validated.accept(new org.apache.calcite.sql.util.SqlShuttle() {
      @Override
      public SqlNode visit(org.apache.calcite.sql.SqlDynamicParam param) {
        while (types.size() <= param.getIndex()) {
          types.add(null);
        }
        types.set(param.getIndex(), validator.getValidatedNodeType(param));
        return param;
      }
    });
    return java.util.Collections.unmodifiableList(types);
  }

  private ColumnMeta columnMeta(RelDataTypeField f, List<String> origin) {
    if (origin != null && origin.size() >= 2) {
      String tableName = origin.get(origin.size() - 2);
      String colName = origin.get(origin.size() - 1);
      TableDescriptor t = publicSchema.resolved().get(stripHidden(tableName));
      if (t != null && !t.isView()) {
        ColumnDescriptor c = t.column(colName).orElse(null);
        if (c != null && TypeMapping.relType(typeFactory, c.type(), f.getType().isNullable())
            .getSqlTypeName() == f.getType().getSqlTypeName()) {
          return TypeMapping.meta(f.getName(), t.name(), c.type(), f.getType().isNullable());
        }
      }
    }
    return TypeMapping.meta(f.getName(), "", f.getType());
  }

  private static String stripHidden(String name) {
    return name.endsWith(ShaleSchema.WITH_HIDDEN_SUFFIX)
        ? name.substring(0, name.length() - ShaleSchema.WITH_HIDDEN_SUFFIX.length()) : name;
  }

  /** Only validates a query (for CREATE VIEW and prepared metadata); returns its row type. */
  public RelDataType validateQuery(SqlNode query) {
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(FunctionRewriter.rewrite(query, databaseName));
    return validator.getValidatedNodeType(validated);
  }

  /**
   * Expands a view's body where a query names the view: through {@link DirectConverter} when the
   * body is inside its subset (the view's SQL passed validation when the view was created), else
   * through the validator and SqlToRelConverter.
   */
  @Override
  public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
      List<String> viewPath) {
    SqlNode q = parseViewBody(queryString);
    if (directEnabled()) {
      try {
        return RelRoot.of(new DirectConverter(cluster, this::publicTable, this).convertView(q).rel(), SqlKind.SELECT);
      } catch (RuntimeException e) {
        // outside the direct subset (or an error the validator reports better): parse it again,
        // since the direct converter may have rewritten parts of the tree
        q = parseViewBody(queryString);
      }
    }
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(q);
    SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
        StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false));
    RelRoot root = converter.convertQuery(validated, true, false);
    return root.withRel(converter.flattenTypes(root.rel, true));
  }

  private SqlNode parseViewBody(String sql) {
    return FunctionRewriter.rewrite(CalciteParsing.parseQuery(sql, sql, 0), databaseName);
  }

  private static SqlOperatorTable caseInsensitive(SqlOperatorTable delegate) {
    return new SqlOperatorTable() {
      @Override
      public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
          SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        delegate.lookupOperatorOverloads(opName, category, syntax, operatorList,
            SqlNameMatchers.withCaseSensitive(false));
      }

      @Override
      public List<SqlOperator> getOperatorList() {
        return delegate.getOperatorList();
      }
    };
  }
}
