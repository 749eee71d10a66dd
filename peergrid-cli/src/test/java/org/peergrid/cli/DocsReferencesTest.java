package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs stand alone (issue 20): every {@code docs/...} file that a source, a help text or a
 * document names is in the repository, and every relative link of the Markdown documents leads to
 * a file and, where it names one, to a heading of it.
 */
class DocsReferencesTest {
  private static final Path ROOT = Path.of(System.getProperty("peergrid.root.dir"));
  private static final Pattern DOCS_PATH = Pattern.compile("docs/[A-Za-z0-9_.-]+\\.(?:md|json)");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");

  @Test
  void everyNamedDocsFileExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Path file : textFiles()) {
      Matcher m = DOCS_PATH.matcher(read(file));
      while (m.find()) {
        if (!Files.isRegularFile(ROOT.resolve(m.group()))) {
          missing.add(ROOT.relativize(file) + " names " + m.group());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyRelativeMarkdownLinkLeadsToAFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int links = 0;
    int toHeadings = 0;
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<Path> documents = markdownDocuments();
    assertThat(documents).contains(ROOT.resolve("docs/scenario.md"), ROOT.resolve("README.md"));
    for (Path doc : documents) {
      Matcher m = LINK.matcher(withoutCodeBlocks(read(doc)));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // http:, https:, mailto:
        }
        int hash = target.indexOf('#');
        links++;
        toHeadings += hash >= 0 ? 1 : 0;
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
          broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
        } else if (hash >= 0 && file.toString().endsWith(".md") && !anchors
            .computeIfAbsent(file, DocsReferencesTest::headingAnchors).contains(target.substring(hash + 1))) {
          broken.add(ROOT.relativize(doc) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
    // the documents link to each other more than this (82 links, 35 to headings, in issue 20): the check has read them
    assertThat(links).isGreaterThan(60);
    assertThat(toHeadings).isGreaterThan(25);
  }

  /** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
  private static Set<String> headingAnchors(Path doc) {
    Set<String> out = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : withoutCodeBlocks(read(doc)).split("\n")) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        String anchor = m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
            .replace(' ', '-');
        int n = seen.merge(anchor, 1, Integer::sum);
        out.add(n == 1 ? anchor : anchor + "-" + (n - 1));
      }
    }
    return out;
  }

  private static String withoutCodeBlocks(String markdown) {
    return markdown.replaceAll("(?ms)^```.*?^```", "");
  }

  /** README.md, docs/ and the examples' READMEs. */
  private static List<Path> markdownDocuments() throws IOException {
    List<Path> out = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    for (String dir : new String[] {"docs", "examples"}) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
        files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** The main sources and resources of every module (help texts included), the docs and examples. */
  private static List<Path> textFiles() throws IOException {
    List<Path> out = new ArrayList<>(markdownDocuments());
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path main : modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          files.filter(Files::isRegularFile)
              .filter(f -> f.toString().matches(".*\\.(java|json|yaml|conf|html|js|css|properties|sql)$"))
              .forEach(out::add);
        }
      }
    }
    try (Stream<Path> files = Files.walk(ROOT.resolve("examples"))) {
      files.filter(f -> f.toString().matches(".*\\.(yaml|json|py)$")).forEach(out::add);
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (MalformedInputException e) {
      return ""; // not UTF-8 text: names no document
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
