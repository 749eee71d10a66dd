package org.peergrid.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/** The report's chart style (one look for every figure) and PNG encoding. */
final class Charts {
  /** Colour-blind-safe (Okabe–Ito), in the order series are drawn. */
  static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
    new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};
  static final Color GRID = new Color(0xE3E3E3);
  static final Color MUTED = new Color(0xB8B8B8);
  static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final BasicStroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final BasicStroke THIN = new BasicStroke(1.0f);
  static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
      new float[] {6f, 4f}, 0f);

  private Charts() {}

  static Paint colour(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** White, light grid, legend at the bottom; the HTML gives the title, so the chart has none. */
  static JFreeChart styled(JFreeChart chart) {
    chart.setTitle((TextTitle) null);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(BASE);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(THIN);
      xy.setRangeGridlineStroke(THIN);
      xy.getDomainAxis().setLabelFont(BASE);
      xy.getDomainAxis().setTickLabelFont(SMALL);
      for (int i = 0; i < xy.getRangeAxisCount(); i++) {
        xy.getRangeAxis(i).setLabelFont(BASE);
        xy.getRangeAxis(i).setTickLabelFont(SMALL);
      }
    } else if (plot instanceof CategoryPlot cat) {
      cat.setRangeGridlinePaint(GRID);
      cat.setRangeGridlineStroke(THIN);
      cat.getDomainAxis().setLabelFont(BASE);
      cat.getDomainAxis().setTickLabelFont(SMALL);
      cat.getRangeAxis().setLabelFont(BASE);
      cat.getRangeAxis().setTickLabelFont(SMALL);
    }
    return chart;
  }

  static byte[] png(JFreeChart chart, int width, int height) {
    try {
      return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
