package org.peergrid.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.peergrid.platform.api.SelfSignedKeystore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid serve keystore}: a self-signed PKCS#12 keystore for {@code serve --tls-keystore}. */
@Command(name = "keystore", mixinStandardHelpOptions = true,
    description = {"Makes a self-signed PKCS#12 keystore (EC P-256, 825 days) for serve --tls-keystore.",
      "Clients must trust this certificate explicitly: no authority signed it."})
final class KeystoreCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The keystore to write (must not exist) (required).")
  Path out;

  @Option(names = "--hostname", paramLabel = "NAME", defaultValue = "localhost",
      description = "The certificate's name (default: ${DEFAULT-VALUE}); 127.0.0.1 is always included.")
  String hostname;

  @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "PEERGRID_TLS_PASSWORD",
      description = "Environment variable with the password to protect it with (default: ${DEFAULT-VALUE}).")
  String passwordVariable;

  @Override
  public Integer call() throws Exception {
    String password = System.getenv(passwordVariable);
    if (password == null || password.length() < 6) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "set a password of at least 6 characters in the environment variable " + passwordVariable);
    }
    SelfSignedKeystore.create(out, password, hostname);
    spec.commandLine().getOut().println("wrote " + out + " (alias " + SelfSignedKeystore.ALIAS + ", CN=" + hostname + ")");
    return 0;
  }
}
