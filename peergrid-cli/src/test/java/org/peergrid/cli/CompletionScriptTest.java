package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The bash completion script shipped in the installable archive (peergrid-dist) is committed rather
 * than generated during the build, because no plugin that can run a Java program resolves from the
 * build's offline repository. This test keeps the committed script equal to what picocli generates
 * from today's command tree, so a new command or option cannot be left out of the completion.
 */
class CompletionScriptTest {

  private static final Path SCRIPT = Path.of("src/completion/peergrid_completion");

  @Test
  void committedCompletionScriptMatchesTheCommandTree() throws Exception {
    String generated = AutoComplete.bash("peergrid", new CommandLine(new PeergridCommand()));

    assertThat(Files.readString(SCRIPT, StandardCharsets.UTF_8))
        .as("peergrid-cli/src/completion/peergrid_completion is out of date; regenerate it after "
            + "`./mvnw -B -pl peergrid-cli -am package -DskipTests` with: java -cp "
            + "'peergrid-cli/target/peergrid-cli.jar:peergrid-cli/target/lib/*' picocli.AutoComplete "
            + "--force -n peergrid -o peergrid-cli/src/completion/peergrid_completion "
            + "org.peergrid.cli.PeergridCommand")
        .isEqualTo(generated);
  }
}
