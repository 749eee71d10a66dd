package org.peergrid.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.peergrid.platform.api.Observability;
import org.peergrid.platform.api.PlatformParameters;
import org.peergrid.platform.api.PlatformServer;
import org.peergrid.platform.market.IntakeLimits;
import org.peergrid.platform.market.MarketService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid serve}: runs the market platform until stopped (docs/platform.md). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    subcommands = {KeystoreCommand.class},
    description = {
      "Runs the market platform: HTTP API (/openapi.json), dashboard (/), clearing at gate closure.",
      "Days on a MATPOWER case or a three-phase OpenDSS feeder (network.opendss;",
      "docs/platform.md, \"Three-phase days\").",
      "At the first start on a database it prints the DSO operator's credential once;",
      "only its hash is stored."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + PlatformParameters.DEFAULT_PORT,
      description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = PlatformParameters.DEFAULT_HOST,
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--tls-keystore", paramLabel = "FILE",
      description = "PKCS#12 keystore: serve HTTPS instead of HTTP ('peergrid serve keystore' makes one; default: plain HTTP).")
  Path keystore;

  @Option(names = "--tls-password-env", paramLabel = "VAR", defaultValue = "PEERGRID_TLS_PASSWORD",
      description = "Environment variable that holds the keystore's password (default: ${DEFAULT-VALUE}).")
  String passwordVariable;

  @Option(names = "--series-dir", paramLabel = "DIR",
      description = {"Folder of CSV files that a day's scenario may name as {csv: FILE, column: C} (relative"
          + " paths inside it only, regular files up to 4 MiB). (default: none, every series inline);"
          + " the server never reads other files for a request."})
  Path seriesDir;

  @Option(names = "--max-participant-kw", paramLabel = "KW",
      defaultValue = "" + (long) IntakeLimits.DEFAULT_MAX_PARTICIPANT_KW,
      description = "The most one participant may offer or meter in any power [kW] (default: ${DEFAULT-VALUE});"
          + " each energy at most that over the day.")
  double maxParticipantKw;

  @Option(names = "--max-bus-kw", paramLabel = "KW", defaultValue = "" + (long) IntakeLimits.DEFAULT_MAX_BUS_KW,
      description = "The most one participant may offer at a bus [kW] (default: ${DEFAULT-VALUE}); where the"
          + " branch feeding the bus is rated (branch_limit_kva, RATE_A), the smaller of the two.")
  double maxBusKw;

  @Option(names = "--metrics-public",
      description = "Answer GET /metrics without a credential (default: the DSO's credential is needed); for a"
          + " Prometheus that cannot send one, with --host or a firewall keeping the port private.")
  boolean metricsPublic;

  @Option(names = "--no-access-log",
      description = "Log no line per request (default: one line per request under the logger peergrid.access).")
  boolean noAccessLog;

  @Override
  public Integer call() throws InterruptedException {
    if (seriesDir != null && !Files.isDirectory(seriesDir)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--series-dir " + seriesDir
          + " is not a folder; create it and place the CSV files there");
    }
    IntakeLimits limits;
    try {
      limits = new IntakeLimits(maxParticipantKw, maxBusKw);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-participant-kw and --max-bus-kw: "
          + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    String password = "";
    if (keystore != null) {
      password = System.getenv(passwordVariable);
      if (password == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--tls-keystore needs its password in the environment variable " + passwordVariable);
      }
    }
    PlatformParameters params = new PlatformParameters(database.url(), host, port, Optional.ofNullable(keystore),
        password, PlatformParameters.DEFAULT_GATE_CHECK_PERIOD, MarketService.DEFAULT_MAX_SKEW,
        Optional.ofNullable(seriesDir), limits);
    Observability observability = Observability.DEFAULT.withMetricsPublic(metricsPublic);
    PlatformServer server = PlatformServer.start(params, Clock.systemUTC(),
        noAccessLog ? observability.withoutAccessLog() : observability);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    server.newDsoCredential().ifPresent(secret -> {
      if (server.dsoCredentialReplacedPbkdf2()) {
        out.println("The DSO credential of an earlier version (stored by PBKDF2) no longer works: a new one is"
            + " issued (docs/platform.md, \"Credentials, connections and the ledger\").");
      }
      out.println("DSO credential (shown once; only its hash is stored): " + secret);
    });
    out.println("peergrid platform on " + (keystore == null ? "http" : "https") + "://" + host + ":" + server.port()
        + "/ (API description at /openapi.json); Ctrl-C stops it");
    out.flush();
    stopped.await();
    return 0;
  }
}
