package org.peergrid.grid.opendss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A circuit as an OpenDSS script defines it: its objects by class and name, in definition order, and its options. */
public final class DssCircuit {
  final String name;
  final DssLocation defined;
  final DssElement.Vsource source;
  final Map<String, Map<String, DssElement>> byClass = new LinkedHashMap<>();
  double baseFrequency;
  final List<Double> voltageBasesKv = new ArrayList<>();
  DssLocation voltageBasesSet;
  boolean controlsOff;
  int maxControlIterations = 10;
  /** Transformer taps when CalcVoltageBases ran: OpenDSS picks the bases from a no-load solution at these. */
  final Map<String, double[]> tapsAtVoltageBases = new LinkedHashMap<>();

  DssCircuit(String name, DssLocation defined, double baseFrequency) {
    this.name = name;
    this.defined = defined;
    this.baseFrequency = baseFrequency;
    this.source = new DssElement.Vsource("source", defined);
    for (String c : DssElement.classNames()) {
      byClass.put(c, new LinkedHashMap<>());
    }
    byClass.get("vsource").put("source", source);
  }

  public String name() {
    return name;
  }

  public DssElement.Vsource source() {
    return source;
  }

  /** System frequency, Hz ({@code Set DefaultBaseFrequency}, 60 unless set). */
  public double baseFrequency() {
    return baseFrequency;
  }

  /** Line-to-line voltage bases of {@code Set VoltageBases}, kV. */
  public List<Double> voltageBasesKv() {
    return List.copyOf(voltageBasesKv);
  }

  /** {@code Set ControlMode=OFF}: regulator taps stay where the script put them. */
  public boolean controlsOff() {
    return controlsOff;
  }

  public int maxControlIterations() {
    return maxControlIterations;
  }

  @SuppressWarnings("unchecked")
  <T extends DssElement> List<T> all(String className) {
    List<T> out = new ArrayList<>();
    for (DssElement e : byClass.get(className).values()) {
      out.add((T) e);
    }
    return out;
  }

  public List<DssElement.Line> lines() {
    return all("line");
  }

  public List<DssElement.Load> loads() {
    return all("load");
  }

  public List<DssElement.Load> generators() {
    return all("generator");
  }

  public List<DssElement.Capacitor> capacitors() {
    return all("capacitor");
  }

  public List<DssElement.Transformer> transformers() {
    return all("transformer");
  }

  public List<DssElement.RegControl> regControls() {
    return all("regcontrol");
  }

  public List<DssElement.LoadShape> loadShapes() {
    return all("loadshape");
  }

  DssElement find(String className, String elementName) {
    return byClass.get(className).get(elementName);
  }
}
