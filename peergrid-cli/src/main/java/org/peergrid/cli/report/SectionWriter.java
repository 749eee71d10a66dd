package org.peergrid.cli.report;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * What a {@link ReportSection} writes: HTML for its part of report.html, and the files beside the
 * report (each chart as PNG, each chart's data as CSV). Text is escaped here, so sections pass
 * plain strings.
 */
public final class SectionWriter {
  private final StringBuilder html = new StringBuilder();
  private final Map<String, byte[]> files;

  /** @param files the report's files so far, by name; this section's are added to them */
  SectionWriter(Map<String, byte[]> files) {
    this.files = files;
  }

  /** A paragraph of plain text. */
  public SectionWriter paragraph(String text) {
    html.append("<p>").append(Html.escape(text)).append("</p>\n");
    return this;
  }

  /** A short "how to read it" note under a figure or table. */
  public SectionWriter note(String text) {
    html.append("<p class=\"note\">").append(Html.escape(text)).append("</p>\n");
    return this;
  }

  /** Label–value pairs shown as tiles: the figures a reader looks for first. */
  public SectionWriter tiles(Map<String, String> figures) {
    html.append("<div class=\"tiles\">");
    figures.forEach((label, value) -> html.append("<div class=\"tile\"><div class=\"value\">")
        .append(Html.escape(value)).append("</div><div class=\"label\">").append(Html.escape(label))
        .append("</div></div>"));
    html.append("</div>\n");
    return this;
  }

  /** A table folded away under a one-line summary (long lists that not every reader needs). */
  public SectionWriter foldedTable(String summary, List<String> header, List<List<String>> rows) {
    html.append("<details><summary>").append(Html.escape(summary)).append("</summary>\n");
    table(header, rows);
    html.append("</details>\n");
    return this;
  }

  /** A table; cells that look like numbers are right-aligned. */
  public SectionWriter table(List<String> header, List<List<String>> rows) {
    html.append("<div class=\"scroll\"><table><thead><tr>");
    header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
    html.append("</tr></thead><tbody>\n");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (String cell : row) {
        html.append(Html.isNumber(cell) ? "<td class=\"num\">" : "<td>").append(Html.escape(cell)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody></table></div>\n");
    return this;
  }

  /**
   * A chart, embedded in the page as a PNG and written beside it as {@code name.png}, with its data
   * file(s) named in the caption.
   */
  public SectionWriter chart(String name, JFreeChart chart, int width, int height, String caption,
      String... dataFiles) {
    byte[] png = Charts.png(Charts.styled(chart), width, height);
    files.put(name + ".png", png);
    html.append("<figure><img alt=\"").append(Html.escape(caption)).append("\" width=\"").append(width)
        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\"><figcaption>").append(Html.escape(caption));
    if (dataFiles.length > 0) {
      html.append(" <span class=\"data\">Data:");
      for (String f : dataFiles) {
        html.append(" <a href=\"").append(Html.escape(f)).append("\">").append(Html.escape(f)).append("</a>");
      }
      html.append("</span>");
    }
    html.append("</figcaption></figure>\n");
    return this;
  }

  /** Two figures (or other blocks) side by side. */
  public SectionWriter beginRow() {
    html.append("<div class=\"row\">");
    return this;
  }

  public SectionWriter endRow() {
    html.append("</div>\n");
    return this;
  }

  /** A file beside the report (CSV data of a figure or table). */
  public SectionWriter file(String name, String content) {
    files.put(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return this;
  }

  String html() {
    return html.toString();
  }
}
