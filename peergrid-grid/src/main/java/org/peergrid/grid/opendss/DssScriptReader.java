package org.peergrid.grid.opendss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peergrid.grid.ValidationException;

/**
 * Reads an OpenDSS script (the master file and what it redirects to) into a {@link DssCircuit}.
 *
 * <p>Commands: {@code Clear}, {@code New} and {@code Edit} (with {@code ~} or {@code More}
 * continuation lines), {@code Class.name.property=value}, {@code Redirect} and {@code Compile} (paths
 * relative to the file that names them), {@code Set} of {@code VoltageBases}, {@code
 * DefaultBaseFrequency}, {@code ControlMode}, {@code MaxControlIter}, {@code Tolerance}, {@code
 * MaxIterations}, {@code Mode=snapshot}; {@code CalcVoltageBases} ({@code calcv}), {@code Solve} and
 * {@code BusCoords} (plotting only) are accepted and do nothing here: the power flow runs when asked.
 * Comments: {@code !}, {@code //} and {@code /* ... *}{@code /} blocks. Anything else is refused with
 * the file, the line and what was not understood.
 */
public final class DssScriptReader {
  private static final int MAX_REDIRECT_DEPTH = 16;

  private DssCircuit circuit;
  private DssElement active;
  private double defaultBaseFrequency = 60;
  private int depth;
  /** The only folder a redirect may read from, or null when any file the user can read may be named. */
  private final Path confinedTo;

  private DssScriptReader(Path confinedTo) {
    this.confinedTo = confinedTo;
  }

  /** Reads {@code master} and everything it redirects to. */
  public static DssCircuit read(Path master) {
    return read(master, null);
  }

  /**
   * Reads {@code master} and what it redirects to, refusing any {@code Redirect}/{@code Compile} whose file
   * is not in master's own folder (after resolving {@code ..} and symbolic links). A server reading a script
   * that a request sent uses this, so that no script can make it read, and quote in its messages, another
   * file of its disk.
   */
  public static DssCircuit readConfined(Path master) {
    return read(master, realPath(master.toAbsolutePath().getParent()));
  }

  private static DssCircuit read(Path master, Path confinedTo) {
    DssScriptReader reader = new DssScriptReader(confinedTo);
    reader.readFile(master, master.toString(), 0, null);
    if (reader.circuit == null) {
      throw new ValidationException(master.toString(), 0, "no circuit is defined; add 'New Circuit.NAME basekv=...'");
    }
    return reader.circuit;
  }

  /**
   * Reads a script given as text, named {@code shownName} in messages; its redirects resolve against
   * the folder of {@code shownName}.
   */
  public static DssCircuit parse(String text, String shownName) {
    DssScriptReader reader = new DssScriptReader(null);
    reader.readLines(text.lines().toList(), Path.of(shownName), shownName);
    if (reader.circuit == null) {
      throw new ValidationException(shownName, 0, "no circuit is defined; add 'New Circuit.NAME basekv=...'");
    }
    return reader.circuit;
  }

  /** The path with symbolic links resolved as far as it exists (a missing file is reported when read). */
  private static Path realPath(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      Path parent = absolute.getParent();
      return parent == null ? absolute : realPath(parent).resolve(absolute.getFileName());
    }
  }

  private void readFile(Path file, String shownName, int depth, DssLocation from) {
    if (depth > MAX_REDIRECT_DEPTH) {
      throw from.error("redirects nest deeper than " + MAX_REDIRECT_DEPTH + " files; is a file redirecting to itself?");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw from == null ? new ValidationException(shownName, 0, "file not found")
          : from.error("file '" + shownName + "' not found (paths are relative to the file that names them)");
    } catch (IOException | RuntimeException e) {
      // e.g. a directory, or a name the file system refuses
      String where = from == null ? shownName : from.toString();
      throw new ValidationException(where, 0, "cannot read '" + shownName + "': " + e.getMessage());
    }
    readLines(lines, file, shownName);
  }

  private void readLines(List<String> lines, Path file, String shownName) {
    boolean inBlockComment = false;
    for (int k = 0; k < lines.size(); k++) {
      DssLocation where = new DssLocation(shownName, k + 1);
      String text = lines.get(k);
      if (inBlockComment) {
        int end = text.indexOf("*/");
        if (end < 0) {
          continue;
        }
        inBlockComment = false;
        text = text.substring(end + 2);
      }
      String trimmed = text.trim();
      if (trimmed.startsWith("/*")) {
        int end = trimmed.indexOf("*/", 2);
        if (end < 0) {
          inBlockComment = true;
          continue;
        }
        trimmed = trimmed.substring(end + 2).trim();
      }
      String command = stripComment(trimmed).trim();
      if (!command.isEmpty()) {
        execute(command, where, file);
      }
    }
  }

  /** Drops a {@code !} or {@code //} comment that is not inside quotes. */
  private static String stripComment(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '!' || (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  private void execute(String command, DssLocation where, Path file) {
    String verb;
    String rest;
    if (command.startsWith("~")) {
      verb = "~";
      rest = command.substring(1);
    } else {
      int space = firstSeparator(command);
      verb = command.substring(0, space).toLowerCase(Locale.ROOT);
      rest = command.substring(space);
    }
    switch (verb) {
      case "~", "more" -> {
        if (active == null) {
          throw where.error("a continuation line ('~') with no object before it to continue");
        }
        applyAll(active, DssSyntax.params(rest, where), where, 0);
      }
      case "clear" -> {
        circuit = null;
        active = null;
      }
      case "new" -> create(DssSyntax.params(rest, where), where, file);
      case "edit" -> {
        List<DssSyntax.Param> params = DssSyntax.params(rest, where);
        if (params.isEmpty() || params.get(0).name() != null) {
          throw where.error("Edit needs the object first: 'Edit Class.name property=value ...'");
        }
        String[] cn = splitClassName(params.get(0).value(), where);
        active = existing(cn[0], cn[1], where);
        applyAll(active, params, where, 1);
      }
      case "redirect", "compile" -> {
        List<DssSyntax.Param> params = DssSyntax.params(rest, where);
        if (params.size() != 1) {
          throw where.error(verb + " needs one file name");
        }
        String target = params.get(0).value().replace('\\', '/');
        Path next;
        Path shown;
        try {
          next = file.toAbsolutePath().getParent().resolve(target).normalize();
          shown = Path.of(where.file()).getParent();
        } catch (java.nio.file.InvalidPathException e) {
          throw where.error("'" + target + "' is not a file name");
        }
        if (confinedTo != null && !realPath(next).startsWith(confinedTo)) {
          throw where.error(verb + " '" + target + "' names a file outside the folder of the feeder's scripts;"
              + " here a script may name only a file beside it, e.g. 'Redirect IEEELineCodes.dss'");
        }
        depth++;
        try {
          readFile(next, shown == null ? target : shown.resolve(target).toString(), depth, where);
        } finally {
          depth--;
        }
      }
      case "set" -> setOptions(DssSyntax.params(rest, where), where);
      case "calcvoltagebases", "calcv" -> {
        // the power flow computes the bases from a no-load solution; remember the taps they are computed at
        requireCircuit(where, verb);
        circuit.tapsAtVoltageBases.clear();
        for (DssElement.Transformer t : circuit.transformers()) {
          circuit.tapsAtVoltageBases.put(t.name(), t.tap.clone());
        }
      }
      case "solve", "buscoords" -> {
        // the power flow solves when it is run; bus coordinates are for plots only
        requireCircuit(where, verb);
      }
      default -> {
        if (verb.contains(".") && command.contains("=")) {
          propertyEdit(command, where);
        } else {
          throw where.error("command '" + verb + "' is not supported; see docs/opendss.md for the subset this reader reads");
        }
      }
    }
  }

  private static int firstSeparator(String command) {
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (Character.isWhitespace(c)) {
        return i;
      }
    }
    return command.length();
  }

  /** {@code Transformer.reg1.Taps=[1 1.05]} and further {@code property=value} pairs on the same object. */
  private void propertyEdit(String command, DssLocation where) {
    int eq = command.indexOf('=');
    String head = command.substring(0, eq).trim();
    int lastDot = head.lastIndexOf('.');
    if (lastDot <= 0 || lastDot == head.length() - 1) {
      throw where.error("'" + head + "=' is neither a command nor Class.name.property=value");
    }
    String property = head.substring(lastDot + 1).trim().toLowerCase(Locale.ROOT);
    String[] cn = splitClassName(head.substring(0, lastDot), where);
    active = existing(cn[0], cn[1], where);
    List<DssSyntax.Param> params = DssSyntax.params(property + "=" + command.substring(eq + 1), where);
    applyAll(active, params, where, 0);
  }

  private void create(List<DssSyntax.Param> params, DssLocation where, Path file) {
    if (params.isEmpty()) {
      throw where.error("New needs an object: 'New Class.name property=value ...'");
    }
    DssSyntax.Param first = params.get(0);
    if (first.name() != null && !first.name().equals("object")) {
      throw where.error("New needs the object first: 'New Class.name ...', found '" + first.name() + "='");
    }
    String[] cn = splitClassName(first.value(), where);
    String cls = cn[0];
    String name = cn[1];
    if (cls.equals("circuit")) {
      circuit = new DssCircuit(name, where, defaultBaseFrequency);
      active = circuit.source;
      applyAll(active, params, where, 1);
      return;
    }
    requireCircuit(where, "New " + cls);
    Map<String, DssElement> objects = circuit.byClass.get(cls);
    if (objects == null) {
      throw where.error("class '" + cn[0] + "' is not supported; this reader reads Line, LineCode, Load, Generator,"
          + " Capacitor, Transformer, RegControl, Vsource (the circuit's) and Loadshape");
    }
    DssElement old = objects.get(name);
    boolean codeLike = cls.equals("linecode") || cls.equals("loadshape");
    if (old != null && !codeLike) {
      throw where.error(old.className() + "." + name + " is already defined at " + old.defined()
          + "; use Edit to change it or give the new one another name");
    }
    DssElement e = switch (cls) {
      case "line" -> new DssElement.Line(name, where);
      case "linecode" -> new DssElement.LineCode(name, where);
      case "load" -> new DssElement.Load(name, where, false);
      case "generator" -> new DssElement.Load(name, where, true);
      case "capacitor" -> new DssElement.Capacitor(name, where);
      case "transformer" -> new DssElement.Transformer(name, where);
      case "regcontrol" -> new DssElement.RegControl(name, where);
      case "loadshape" -> {
        DssElement.LoadShape s = new DssElement.LoadShape(name, where);
        s.folder = file.toAbsolutePath().getParent();
        yield s;
      }
      default -> throw where.error("only the circuit's own Vsource is supported; a second source ('New " + cls
          + "') is not");
    };
    objects.put(name, e);
    active = e;
    applyAll(e, params, where, 1);
  }

  private void applyAll(DssElement e, List<DssSyntax.Param> params, DssLocation where, int from) {
    for (int k = from; k < params.size(); k++) {
      DssSyntax.Param p = params.get(k);
      if (p.name() == null) {
        throw where.error(e.className() + "." + e.name() + ": value '" + p.value()
            + "' has no property name; write property=value");
      }
      applyOne(e, p.name(), p.value(), where);
    }
  }

  private void applyOne(DssElement e, String property, String value, DssLocation where) {
    switch (property) {
      case "like" -> {
        DssElement model = circuit.find(classKey(e), value.toLowerCase(Locale.ROOT));
        if (model == null || model == e) {
          throw where.error(e.className() + "." + e.name() + ": like=" + value + " names no other "
              + e.className() + " defined before it");
        }
        for (String[] a : List.copyOf(model.assignments)) {
          applyOne(e, a[0], a[1], where);
        }
        return;
      }
      case "linecode" -> {
        if (!(e instanceof DssElement.Line line)) {
          throw where.error(e.className() + "." + e.name() + ": unknown property 'linecode'");
        }
        DssElement code = circuit.find("linecode", value.toLowerCase(Locale.ROOT));
        if (code == null) {
          throw where.error("Line." + e.name() + ": linecode '" + value + "' is not defined before this line");
        }
        line.useCode((DssElement.LineCode) code);
      }
      default -> e.apply(property, value, where);
    }
    e.assignments.add(new String[] {property, value});
  }

  private static String classKey(DssElement e) {
    return e.className().toLowerCase(Locale.ROOT);
  }

  private DssElement existing(String cls, String name, DssLocation where) {
    requireCircuit(where, "Edit");
    Map<String, DssElement> objects = circuit.byClass.get(cls);
    if (objects == null) {
      throw where.error("class '" + cls + "' is not supported");
    }
    DssElement e = objects.get(name);
    if (e == null) {
      throw where.error(cls + "." + name + " is not defined (define it with New before editing it)");
    }
    return e;
  }

  private static String[] splitClassName(String text, DssLocation where) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int dot = t.indexOf('.');
    if (dot <= 0 || dot == t.length() - 1) {
      throw where.error("'" + text + "' is not Class.name");
    }
    return new String[] {t.substring(0, dot), t.substring(dot + 1)};
  }

  private void requireCircuit(DssLocation where, String what) {
    if (circuit == null) {
      throw where.error(what + " before any 'New Circuit.NAME': define the circuit first");
    }
  }

  private void setOptions(List<DssSyntax.Param> params, DssLocation where) {
    for (DssSyntax.Param p : params) {
      if (p.name() == null) {
        throw where.error("Set needs option=value, found '" + p.value() + "'");
      }
      String v = p.value();
      switch (p.name()) {
        case "defaultbasefrequency" -> defaultBaseFrequency = DssSyntax.number(v, where, p.name());
        case "basefrequency", "frequency" -> {
          requireCircuit(where, "Set " + p.name());
          circuit.baseFrequency = DssSyntax.number(v, where, p.name());
        }
        case "voltagebases" -> {
          requireCircuit(where, "Set voltagebases");
          circuit.voltageBasesKv.clear();
          for (double kv : DssSyntax.numbers(v, where, p.name())) {
            if (!(kv > 0)) {
              throw where.error("voltagebases: " + kv + " kV is not a positive voltage");
            }
            circuit.voltageBasesKv.add(kv);
          }
          circuit.voltageBasesSet = where;
        }
        case "controlmode" -> {
          requireCircuit(where, "Set controlmode");
          switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "off" -> circuit.controlsOff = true;
            case "static" -> circuit.controlsOff = false;
            default -> throw where.error("controlmode '" + v + "' is not supported; use static or off");
          }
        }
        case "maxcontroliter" -> {
          requireCircuit(where, "Set maxcontroliter");
          circuit.maxControlIterations = DssSyntax.integer(v, where, p.name());
        }
        // the power flow has its own tolerance and iteration limit (command-line options)
        case "tolerance", "maxiterations" -> DssSyntax.number(v, where, p.name());
        case "mode" -> {
          if (!v.trim().toLowerCase(Locale.ROOT).startsWith("snap")) {
            throw where.error("mode '" + v + "' is not supported; only snapshot power flows are run");
          }
        }
        default -> throw where.error("option '" + p.name() + "' is not supported by Set; see docs/opendss.md");
      }
    }
  }
}
