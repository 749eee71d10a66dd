package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.peergrid.cli.PowerflowCommandTest.Run;
import org.w3c.dom.Element;

/** peergrid --version prints the version of the pom it was built from and the commit, not a placeholder. */
class VersionTest {
  private static final Pattern PRINTED = Pattern.compile("peergrid (\\S+) \\(commit (\\S+)\\)");

  @Test
  void versionIsThePomsAndTheCommitIsTheCheckedOutOne() throws Exception {
    Run run = PowerflowCommandTest.run("--version");
    assertThat(run.exit()).isZero();
    Matcher printed = PRINTED.matcher(run.out().trim());
    assertThat(printed.matches()).as("--version printed: %s", run.out()).isTrue();

    Path root = Path.of(System.getProperty("peergrid.root.dir", ".."));
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(root.resolve("pom.xml").toFile()).getDocumentElement();
    assertThat(printed.group(1)).isEqualTo(childText(project, "version"));

    String head = gitHead(root);
    if (head != null) {
      assertThat(printed.group(2)).as("the abbreviated commit").matches("[0-9a-f]{7,40}");
      assertThat(head).startsWith(printed.group(2));
    } else {
      assertThat(printed.group(2)).isEqualTo("unknown");
    }
  }

  private static String childText(Element parent, String name) {
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    throw new AssertionError("no <" + name + "> in the root pom");
  }

  /** HEAD's full id by the git command, or null without git or outside a repository. */
  private static String gitHead(Path root) throws InterruptedException {
    try {
      Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD")
          .redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 && Files.exists(root.resolve(".git"))
          ? out : null;
    } catch (IOException noGit) {
      return null;
    }
  }
}
