package org.peergrid.grid.matpower;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.model.Branch;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.model.BusType;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.model.Generator;

/**
 * Reads MATPOWER version 2 case files into a {@link Feeder}.
 *
 * <p>It reads {@code mpc.version}, {@code mpc.baseMVA}, {@code mpc.bus}, {@code mpc.gen} and
 * {@code mpc.branch}, ignores {@code mpc.gencost} and {@code mpc.bus_name}, and applies the unit
 * conversions that distribution cases write after their data (ohms to per unit, kW to MW, a load
 * power factor), in exactly the forms that {@code docs/formats.md} lists. Every other statement
 * is refused with its line: reading the numbers in the wrong units silently is the one thing an
 * importer must never do. Matrix entries may be small expressions such as {@code 12/sqrt(3)}.
 *
 * <p>Column layouts and conventions are MATPOWER's (R. D. Zimmerman et al., "MATPOWER: Steady-State
 * Operations, Planning and Analysis Tools for Power Systems Research and Education", IEEE Trans.
 * Power Systems 26(1), 2011, doi:10.1109/TPWRS.2010.2051168; the case format of its manual).
 */
public final class MatpowerCaseReader {
  /** Minimum columns of each matrix, as MATPOWER's loadcase requires. */
  static final int BUS_COLUMNS = 13;
  static final int GEN_COLUMNS = 10;
  static final int BRANCH_COLUMNS = 11;

  // Column indices (0-based) of MATPOWER's idx_bus, idx_gen, idx_brch.
  private static final int BUS_I = 0, BUS_TYPE = 1, PD = 2, QD = 3, GS = 4, BS = 5, VM = 7, VA = 8,
      BASE_KV = 9, VMAX = 11, VMIN = 12;
  private static final int GEN_BUS = 0, PG = 1, QG = 2, VG = 5, GEN_STATUS = 7;
  private static final int F_BUS = 0, T_BUS = 1, BR_R = 2, BR_X = 3, BR_B = 4, RATE_A = 5, TAP = 8,
      SHIFT = 9, BR_STATUS = 10;

  private static final List<String> IDX_BUS = List.of("PQ", "PV", "REF", "NONE", "BUS_I", "BUS_TYPE",
      "PD", "QD", "GS", "BS", "BUS_AREA", "VM", "VA", "BASE_KV", "ZONE", "VMAX", "VMIN", "LAM_P",
      "LAM_Q", "MU_VMAX", "MU_VMIN");
  private static final List<String> IDX_BRCH = List.of("F_BUS", "T_BUS", "BR_R", "BR_X", "BR_B",
      "RATE_A", "RATE_B", "RATE_C", "TAP", "SHIFT", "BR_STATUS", "PF", "QF", "PT", "QT", "MU_SF",
      "MU_ST", "ANGMIN", "ANGMAX", "MU_ANGMIN", "MU_ANGMAX");
  private static final List<String> IDX_GEN = List.of("GEN_BUS", "PG", "QG", "QMAX", "QMIN", "VG",
      "MBASE", "GEN_STATUS", "PMAX", "PMIN", "MU_PMAX", "MU_PMIN", "MU_QMAX", "MU_QMIN", "PC1", "PC2",
      "QC1MIN", "QC1MAX", "QC2MIN", "QC2MAX", "RAMP_AGC", "RAMP_10", "RAMP_30", "RAMP_Q", "APF");
  private static final List<String> IDX_COST = List.of("PW_LINEAR", "POLYNOMIAL", "MODEL", "STARTUP",
      "SHUTDOWN", "NCOST", "COST");

  // The conversion statements, with white space and commas removed (see normalise()).
  private static final String CONV_VBASE = "Vbase=mpc.bus(1BASE_KV)*1e3";
  private static final String CONV_SBASE = "Sbase=mpc.baseMVA*1e6";
  private static final String CONV_OHMS = "mpc.branch(:[BR_RBR_X])=mpc.branch(:[BR_RBR_X])/(Vbase^2/Sbase)";
  private static final String CONV_KW = "mpc.bus(:[PDQD])=mpc.bus(:[PDQD])/1e3";
  private static final String CONV_QD = "mpc.bus(:QD)=mpc.bus(:PD)*sin(acos(pf))";
  private static final String CONV_PD = "mpc.bus(:PD)=mpc.bus(:PD)*pf";

  private static final Pattern FUNCTION = Pattern.compile("function\\s+mpc\\s*=\\s*([A-Za-z]\\w*)\\s*;?");
  private static final Pattern MATRIX_START = Pattern.compile("mpc\\.(\\w+)\\s*=\\s*([\\[{])(.*)");
  private static final Pattern SCALAR = Pattern.compile("mpc\\.(\\w+)\\s*=\\s*([^;]*?)\\s*;?");
  private static final Pattern IDX = Pattern.compile("\\[(.*)\\]\\s*=\\s*(idx_bus|idx_brch|idx_gen|idx_cost)\\s*;?");
  private static final Pattern PF = Pattern.compile("pf=([0-9.eE+-]+)");

  private final String source;
  private final String[] lines;
  private String name;
  private String version;
  private int versionLine;
  private Double baseMva;
  private Matrix bus;
  private Matrix gen;
  private Matrix branch;
  private boolean idxBus;
  private boolean idxBrch;
  private Double vbase;
  private Double sbase;
  private Double pf;

  private MatpowerCaseReader(String text, String source) {
    this.source = source;
    this.lines = text.split("\r?\n", -1);
  }

  /** Reads a case file; every error names the file and, where there is one, the line. */
  public static Feeder read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ValidationException(file.toString(), 0, "no such file");
    } catch (IOException e) {
      throw new ValidationException(file.toString(), 0, "cannot read the file: " + e.getMessage());
    }
    String fileName = file.getFileName().toString();
    String defaultName = fileName.endsWith(".m") ? fileName.substring(0, fileName.length() - 2) : fileName;
    return parse(text, file.toString(), defaultName);
  }

  /**
   * Parses the text of a case.
   *
   * @param text the case file's text
   * @param source how messages name the file
   * @param defaultName the feeder name when the text has no {@code function mpc = NAME} line
   */
  public static Feeder parse(String text, String source, String defaultName) {
    MatpowerCaseReader reader = new MatpowerCaseReader(text, source);
    reader.name = defaultName;
    reader.readStatements();
    return reader.toFeeder();
  }

  private ValidationException error(int line, String detail) {
    return new ValidationException(source, line, detail);
  }

  private void readStatements() {
    int i = 0;
    while (i < lines.length) {
      int startLine = i + 1;
      String code = stripComment(lines[i]).trim();
      while (code.endsWith("...")) {
        i++;
        if (i >= lines.length) {
          throw error(startLine, "the statement continues ('...') past the end of the file");
        }
        code = code.substring(0, code.length() - 3) + " " + stripComment(lines[i]).trim();
      }
      i++;
      if (code.isEmpty()) {
        continue;
      }
      Matcher m = MATRIX_START.matcher(code);
      if (m.matches()) {
        i = readMatrix(m.group(1), m.group(2).charAt(0), m.group(3), startLine, i);
      } else {
        statement(code, startLine);
      }
    }
  }

  /** Reads a matrix or cell array that opens on {@code startLine}; returns the index of the next line. */
  private int readMatrix(String field, char opener, String firstRest, int startLine, int nextIndex) {
    char closer = opener == '[' ? ']' : '}';
    boolean numeric = opener == '[' && (field.equals("bus") || field.equals("gen") || field.equals("branch"));
    boolean ignored = field.equals("gencost") || field.equals("bus_name");
    if (!numeric && !ignored) {
      throw error(startLine, "unknown statement 'mpc." + field + " = " + opener + "...': peergrid reads mpc.bus, "
          + "mpc.gen and mpc.branch (and ignores mpc.gencost and mpc.bus_name); remove the statement or "
          + "fold its data into those matrices");
    }
    List<double[]> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    String content = firstRest;
    int lineNo = startLine;
    int index = nextIndex;
    while (true) {
      int close = content.indexOf(closer);
      String body = close >= 0 ? content.substring(0, close) : content;
      if (numeric) {
        for (String segment : body.split(";", -1)) {
          String row = segment.trim();
          if (!row.isEmpty()) {
            rows.add(parseRow(row, lineNo, field));
            rowLines.add(lineNo);
          }
        }
      }
      if (close >= 0) {
        String after = content.substring(close + 1).trim();
        if (!after.isEmpty() && !after.equals(";")) {
          throw error(lineNo, "unexpected '" + after + "' after the end of mpc." + field);
        }
        break;
      }
      if (index >= lines.length) {
        throw error(startLine, "mpc." + field + " is never closed with '" + closer + "'");
      }
      lineNo = index + 1;
      content = stripComment(lines[index]);
      if (MATRIX_START.matcher(content.trim()).matches() || SCALAR.matcher(content.trim()).matches()) {
        throw error(lineNo, "mpc." + field + " (opened on line " + startLine + ") is not closed with '" + closer
            + "' before this statement");
      }
      if (content.trim().endsWith("...")) {
        String c = content.trim();
        content = c.substring(0, c.length() - 3);
      }
      index++;
    }
    if (numeric) {
      if (rows.isEmpty()) {
        throw error(startLine, "mpc." + field + " has no rows");
      }
      Matrix matrix = new Matrix(field, rows, rowLines, startLine);
      matrix.checkColumns();
      switch (field) {
        case "bus" -> bus = defineOnce(bus, matrix);
        case "gen" -> gen = defineOnce(gen, matrix);
        default -> branch = defineOnce(branch, matrix);
      }
    }
    return index;
  }

  private Matrix defineOnce(Matrix existing, Matrix matrix) {
    if (existing != null) {
      throw error(matrix.startLine, "mpc." + matrix.field + " is defined twice (first on line " + existing.startLine + ")");
    }
    return matrix;
  }

  private double[] parseRow(String row, int lineNo, String field) {
    String[] tokens = row.trim().split("[\\s,]+");
    double[] values = new double[tokens.length];
    for (int k = 0; k < tokens.length; k++) {
      try {
        values[k] = MatlabExpression.evaluate(tokens[k]);
      } catch (IllegalArgumentException e) {
        throw error(lineNo, "mpc." + field + " column " + (k + 1) + ": " + e.getMessage());
      }
      if (Double.isNaN(values[k])) {
        throw error(lineNo, "mpc." + field + " column " + (k + 1) + ": '" + tokens[k] + "' is not a number");
      }
    }
    return values;
  }

  private void statement(String code, int line) {
    Matcher m = FUNCTION.matcher(code);
    if (m.matches()) {
      name = m.group(1);
      return;
    }
    m = IDX.matcher(code);
    if (m.matches()) {
      idxLine(m.group(1), m.group(2), line);
      return;
    }
    String norm = normalise(code);
    switch (norm) {
      case CONV_VBASE -> {
        requireIdx(idxBus, "idx_bus", line);
        requireMatrix(bus, "bus", line);
        vbase = bus.rows.get(0)[BASE_KV] * 1e3;
        return;
      }
      case CONV_SBASE -> {
        if (baseMva == null) {
          throw error(line, "Sbase uses mpc.baseMVA, which is not defined yet");
        }
        sbase = baseMva * 1e6;
        return;
      }
      case CONV_OHMS -> {
        requireIdx(idxBrch, "idx_brch", line);
        requireMatrix(branch, "branch", line);
        if (vbase == null || sbase == null) {
          throw error(line, "the conversion from ohms needs Vbase and Sbase, defined before it");
        }
        double zbase = vbase * vbase / sbase;
        for (double[] r : branch.rows) {
          r[BR_R] /= zbase;
          r[BR_X] /= zbase;
        }
        return;
      }
      case CONV_KW -> {
        requireIdx(idxBus, "idx_bus", line);
        requireMatrix(bus, "bus", line);
        for (double[] r : bus.rows) {
          r[PD] /= 1e3;
          r[QD] /= 1e3;
        }
        return;
      }
      case CONV_QD -> {
        requireIdx(idxBus, "idx_bus", line);
        requireMatrix(bus, "bus", line);
        requirePf(line);
        double k = Math.sin(Math.acos(pf));
        for (double[] r : bus.rows) {
          r[QD] = r[PD] * k;
        }
        return;
      }
      case CONV_PD -> {
        requireIdx(idxBus, "idx_bus", line);
        requireMatrix(bus, "bus", line);
        requirePf(line);
        for (double[] r : bus.rows) {
          r[PD] = r[PD] * pf;
        }
        return;
      }
      default -> {
        // scalar forms below
      }
    }
    Matcher p = PF.matcher(norm);
    if (p.matches()) {
      try {
        pf = Double.parseDouble(p.group(1));
      } catch (NumberFormatException e) {
        throw error(line, "pf must be a number, got '" + p.group(1) + "'");
      }
      if (!(pf > 0 && pf <= 1)) {
        throw error(line, "pf must be a power factor in (0, 1], got " + pf);
      }
      return;
    }
    m = SCALAR.matcher(code);
    if (m.matches()) {
      scalar(m.group(1), m.group(2).trim(), line);
      return;
    }
    throw unknown(code, line);
  }

  private ValidationException unknown(String code, int line) {
    String shown = code.length() > 80 ? code.substring(0, 77) + "..." : code;
    return error(line, "unknown statement '" + shown + "': peergrid reads the data matrices and only the unit "
        + "conversions listed in docs/formats.md (MATPOWER cases); apply any other conversion to the "
        + "data by hand and remove the statement");
  }

  private void scalar(String field, String value, int line) {
    switch (field) {
      case "version" -> {
        version = value.replace("'", "").replace("\"", "").trim();
        versionLine = line;
      }
      case "baseMVA" -> {
        double v;
        try {
          v = MatlabExpression.evaluate(value);
        } catch (IllegalArgumentException e) {
          throw error(line, "mpc.baseMVA: " + e.getMessage());
        }
        if (!(v > 0) || Double.isInfinite(v)) {
          throw error(line, "mpc.baseMVA must be a positive number of MVA, got " + value);
        }
        baseMva = v;
      }
      default -> throw error(line, "unknown statement 'mpc." + field + " = " + value + "': peergrid reads "
          + "mpc.version, mpc.baseMVA, mpc.bus, mpc.gen and mpc.branch; remove the statement");
    }
  }

  private void idxLine(String names, String function, int line) {
    List<String> given = List.of(names.trim().split("[\\s,]+"));
    List<String> expected = switch (function) {
      case "idx_bus" -> IDX_BUS;
      case "idx_brch" -> IDX_BRCH;
      case "idx_gen" -> IDX_GEN;
      default -> IDX_COST;
    };
    if (given.size() > expected.size() || !expected.subList(0, given.size()).equals(given)) {
      throw error(line, "the names on the left of " + function + " are not MATPOWER's, in MATPOWER's order ("
          + String.join(", ", expected.subList(0, Math.min(6, expected.size()))) + ", ...); "
          + "peergrid cannot tell which columns they name");
    }
    if (function.equals("idx_bus")) {
      idxBus = true;
    } else if (function.equals("idx_brch")) {
      idxBrch = true;
    }
  }

  private void requireIdx(boolean defined, String function, int line) {
    if (!defined) {
      throw error(line, "the statement uses column names that no '[...] = " + function + ";' line defines before it");
    }
  }

  private void requireMatrix(Matrix matrix, String field, int line) {
    if (matrix == null) {
      throw error(line, "the statement uses mpc." + field + ", which is not defined before it");
    }
  }

  private void requirePf(int line) {
    if (pf == null) {
      throw error(line, "the statement uses pf, which no 'pf = ...;' line defines before it");
    }
  }

  private Feeder toFeeder() {
    if (version == null) {
      throw error(0, "no mpc.version line: this is not a MATPOWER version 2 case");
    }
    if (!version.equals("2")) {
      throw error(versionLine, "mpc.version is '" + version + "'; peergrid reads version 2 cases only");
    }
    if (baseMva == null) {
      throw error(0, "no mpc.baseMVA line: the base power is needed to read per-unit data");
    }
    if (bus == null) {
      throw error(0, "no mpc.bus matrix");
    }
    if (branch == null) {
      throw error(0, "no mpc.branch matrix");
    }
    if (gen == null) {
      throw error(0, "no mpc.gen matrix: the source (reference bus) needs a generator row");
    }
    try {
      return new Feeder(name, baseMva, buses(), branches(), generators());
    } catch (ValidationException e) {
      if (e.source().isPresent()) {
        throw e;
      }
      throw e.inSource(source);
    }
  }

  private List<Bus> buses() {
    List<Bus> out = new ArrayList<>(bus.rows.size());
    double kva = 1000.0; // MATPOWER stores MW and MVAr; the model is in kW and kvar
    for (int k = 0; k < bus.rows.size(); k++) {
      double[] r = bus.rows.get(k);
      int line = bus.lines.get(k);
      int number = wholeNumber(r[BUS_I], line, "mpc.bus", "bus number (BUS_I)");
      int code = wholeNumber(r[BUS_TYPE], line, "mpc.bus", "bus type (BUS_TYPE)");
      BusType type = BusType.ofCode(code).orElseThrow(() -> error(line,
          "bus " + number + ": type " + code + " is not a MATPOWER bus type (1 PQ, 2 PV, 3 reference, 4 isolated)"));
      try {
        out.add(new Bus(number, type, r[PD] * kva, r[QD] * kva, r[GS] * kva, r[BS] * kva, r[VM], r[VA],
            r[BASE_KV], r[VMAX], r[VMIN]));
      } catch (ValidationException e) {
        throw error(line, e.detail());
      }
    }
    return out;
  }

  private List<Generator> generators() {
    List<Generator> out = new ArrayList<>(gen.rows.size());
    for (int k = 0; k < gen.rows.size(); k++) {
      double[] r = gen.rows.get(k);
      int line = gen.lines.get(k);
      int number = wholeNumber(r[GEN_BUS], line, "mpc.gen", "bus number (GEN_BUS)");
      try {
        out.add(new Generator(k + 1, number, r[PG] * 1000, r[QG] * 1000, r[VG], r[GEN_STATUS] > 0));
      } catch (ValidationException e) {
        throw error(line, e.detail());
      }
    }
    return out;
  }

  private List<Branch> branches() {
    List<Branch> out = new ArrayList<>(branch.rows.size());
    for (int k = 0; k < branch.rows.size(); k++) {
      double[] r = branch.rows.get(k);
      int line = branch.lines.get(k);
      int from = wholeNumber(r[F_BUS], line, "mpc.branch", "from bus (F_BUS)");
      int to = wholeNumber(r[T_BUS], line, "mpc.branch", "to bus (T_BUS)");
      OptionalDouble rating = r[RATE_A] > 0 ? OptionalDouble.of(r[RATE_A] * 1000) : OptionalDouble.empty();
      double tap = r[TAP] == 0 ? 1.0 : r[TAP];
      try {
        out.add(new Branch(k + 1, from, to, r[BR_R], r[BR_X], r[BR_B], rating, tap, r[SHIFT], r[BR_STATUS] != 0));
      } catch (ValidationException e) {
        throw error(line, e.detail());
      }
    }
    return out;
  }

  private int wholeNumber(double value, int line, String field, String what) {
    if (value != Math.rint(value) || value < 1 || value > Integer.MAX_VALUE) {
      throw error(line, field + ": " + what + " must be a positive whole number, got " + format(value));
    }
    return (int) value;
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  /** Removes a MATLAB comment ('%' outside a quoted string). */
  static String stripComment(String line) {
    boolean quoted = false;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '%' && !quoted) {
        return line.substring(0, k);
      }
    }
    return line;
  }

  /** White space, commas and a trailing semicolon carry no meaning in the statements compared. */
  static String normalise(String code) {
    String s = code.replaceAll("[\\s,]+", "");
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }

  private final class Matrix {
    final String field;
    final List<double[]> rows;
    final List<Integer> lines;
    final int startLine;

    Matrix(String field, List<double[]> rows, List<Integer> lines, int startLine) {
      this.field = field;
      this.rows = rows;
      this.lines = lines;
      this.startLine = startLine;
    }

    void checkColumns() {
      int min = switch (field) {
        case "bus" -> BUS_COLUMNS;
        case "gen" -> GEN_COLUMNS;
        default -> BRANCH_COLUMNS;
      };
      int width = rows.get(0).length;
      for (int k = 0; k < rows.size(); k++) {
        int n = rows.get(k).length;
        if (n != width) {
          throw error(lines.get(k), "mpc." + field + " row has " + n + " columns where the first row (line "
              + lines.get(0) + ") has " + width + "; every row of a matrix needs the same number");
        }
        if (n < min) {
          throw error(lines.get(k), "mpc." + field + " row has " + n + " columns; MATPOWER " + field
              + " rows need at least " + min);
        }
      }
    }
  }
}
