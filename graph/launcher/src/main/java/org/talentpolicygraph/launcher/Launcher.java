package org.talentpolicygraph.launcher;

import inet.ipaddr.IPAddressString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.Version;

/**
 * Runs Neo4j Community embedded, with only the Bolt connector open (Bolt also answers WebSocket
 * handshakes on the same port, which is how the browser reaches it).
 *
 * <p>What a client holding the password can reach is narrowed on the server, since the app's own
 * checks (READ mode, the console's plan check) run in the client: {@code LOAD CSV} can read no
 * local file (file URLs are refused, and the import folder they would resolve in is an empty one)
 * and reach no address (every IP range is blocked for it), and plugins may add only the procedures
 * in {@link #PROCEDURES}. Neo4j's built-in procedures ({@code dbms.listConfig} …) are not subject
 * to that allow-list and Community cannot switch them off: the console's plan check refuses them.
 *
 * <p>Everything the Node side needs to know is printed on stdout as one JSON object per line
 * ({@code {"event":"ready",...}}); Neo4j's own logs go to files under the home folder. The
 * process exits cleanly on SIGINT/SIGTERM and, with {@code --exit-on-stdin-close}, when the
 * parent process goes away, so no JVM is left orphaned holding the store lock.
 */
public final class Launcher {
  private static final String USER = "neo4j";

  /**
   * The procedures a plugin may register (built-in ones are always there): the schema lookups of the console's completion and
   * of Neo4j's own tools, index waiting for the schema step, and routing for {@code neo4j://} URIs.
   */
  static final List<String> PROCEDURES =
      List.of(
          "db.labels",
          "db.relationshipTypes",
          "db.propertyKeys",
          "db.awaitIndexes",
          "db.awaitIndex",
          "db.schema.visualization",
          "db.schema.nodeTypeProperties",
          "db.schema.relTypeProperties",
          "dbms.components",
          "dbms.routing.getRoutingTable",
          "dbms.cluster.routing.getRoutingTable");

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.fromEnvironment(args);
    Path home = config.home();
    Files.createDirectories(home);

    DatabaseManagementService dbms;
    try {
      dbms = build(config);
    } catch (RuntimeException e) {
      emit(
          "{\"event\":\"error\",\"reason\":"
              + json(reason(e))
              + ",\"message\":"
              + json(rootCause(e).toString())
              + "}");
      System.exit(2);
      return;
    }

    AtomicBoolean stopped = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            emit("{\"event\":\"stopping\"}");
            dbms.shutdown();
            emit("{\"event\":\"stopped\"}");
          }
          done.countDown();
        };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

    try {
      Passwords.apply(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), USER, config.password());
      GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      db.executeTransactionally("RETURN 1");
    } catch (RuntimeException e) {
      emit("{\"event\":\"error\",\"message\":" + json(e.getMessage()) + "}");
      stop.run();
      System.exit(2);
    }

    emit(
        "{\"event\":\"ready\",\"version\":"
            + json(Version.getNeo4jVersion())
            + ",\"uri\":"
            + json("bolt://" + config.host() + ":" + config.port())
            + ",\"user\":"
            + json(USER)
            + ",\"pid\":"
            + ProcessHandle.current().pid()
            + ",\"home\":"
            + json(home.toAbsolutePath().toString())
            + "}");

    if (config.exitOnStdinClose()) {
      Thread watcher =
          new Thread(
              () -> {
                drain(System.in);
                System.exit(0); // runs the shutdown hook
              },
              "stdin-watcher");
      watcher.setDaemon(true);
      watcher.start();
    }
    done.await();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /**
   * What went wrong, for the Node side to explain: "port-in-use" or "store-locked" (read from the
   * exception types in the chain), else "other".
   */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String type = t.getClass().getName();
      String message = String.valueOf(t.getMessage());
      if (t instanceof java.net.BindException
          || (type.startsWith("io.netty.channel.unix.Errors") && message.contains("Address already in use"))) {
        return "port-in-use";
      }
      if (type.endsWith("FileLockException") || type.endsWith("StoreLockException")) {
        return "store-locked";
      }
    }
    return "other";
  }

  private static DatabaseManagementService build(Config config) throws IOException {
    // LOAD CSV may name no local file: file URLs are refused, and the import folder they would
    // resolve against is an empty one of the launcher's own, unless the caller (a benchmark) names
    // a folder of CSV files, which is then the only place file URLs can reach.
    boolean csvFiles = config.csvImportDir() != null;
    Path importFolder = csvFiles ? config.csvImportDir() : config.home().resolve("import-none");
    Files.createDirectories(importFolder);
    return new DatabaseManagementServiceBuilder(config.home())
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(config.host(), config.port()))
            .setConfig(BoltConnector.advertised_address, new SocketAddress(config.host(), config.port()))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.allow_file_urls, csvFiles)
            .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importFolder)
            .setConfig(
                GraphDatabaseInternalSettings.cypher_ip_blocklist,
                List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
            .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURES)
            .setConfig(GraphDatabaseSettings.transaction_timeout, config.transactionTimeout())
            .setConfig(GraphDatabaseSettings.pagecache_memory, config.pageCache())
            // Netty's defaults (2 s quiet period, 15 s timeout) make every stop take ~15 s;
            // open transactions are already rolled back by the database shutdown itself.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
            .build();
  }

  private static void drain(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // The parent never writes; we only wait for end of stream.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, which is what we wait for.
    }
  }

  static synchronized void emit(String line) {
    System.out.println(line);
    System.out.flush();
  }

  static String json(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  record Config(
      Path home,
      String host,
      int port,
      String password,
      Duration transactionTimeout,
      long pageCache,
      Path csvImportDir,
      boolean exitOnStdinClose) {

    static Config fromEnvironment(String[] args) {
      String home = null;
      boolean exitOnStdinClose = false;
      for (String arg : args) {
        if (arg.equals("--exit-on-stdin-close")) {
          exitOnStdinClose = true;
        } else if (arg.startsWith("--home=")) {
          home = arg.substring("--home=".length());
        } else {
          throw new IllegalArgumentException("Unknown argument: " + arg);
        }
      }
      if (home == null) {
        throw new IllegalArgumentException("--home=<folder> is required");
      }
      String password = System.getenv("NEO4J_PASSWORD");
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("NEO4J_PASSWORD must be set by the caller");
      }
      return new Config(
          Path.of(home),
          env("NEO4J_HOST", "127.0.0.1"),
          Integer.parseInt(env("NEO4J_PORT", "7687")),
          password,
          Duration.ofSeconds(Long.parseLong(env("NEO4J_TX_TIMEOUT_SECONDS", "120"))),
          Long.parseLong(env("NEO4J_PAGECACHE_MB", "512")) * 1024 * 1024,
          System.getenv("TPG_CSV_IMPORT_DIR") == null || System.getenv("TPG_CSV_IMPORT_DIR").isBlank()
              ? null
              : Path.of(System.getenv("TPG_CSV_IMPORT_DIR")).toAbsolutePath(),
          exitOnStdinClose);
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }

  /** Sets the password of the built-in user through the system database. */
  static final class Passwords {
    private Passwords() {}

    static void apply(GraphDatabaseService system, String user, String password) {
      try {
        system.executeTransactionally(
            "ALTER USER " + user + " SET PASSWORD $password CHANGE NOT REQUIRED",
            java.util.Map.of("password", password));
      } catch (RuntimeException e) {
        // Neo4j refuses to "change" a password to the value it already has; that is success here.
        String message = String.valueOf(e.getMessage());
        if (!message.contains("Old password and new password cannot be the same")) {
          throw e;
        }
      }
    }
  }
}
