package dev.gatehouse.mcp.authserver.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 file database, {@code base.mv.db}, that only its owner may read: missing parent
 * directories are created {@code rwx------} and a new database file {@code rw-------}, where the
 * file system has POSIX permissions.
 *
 * <pre>{@code
 * H2File file = H2File.of(Path.of("data/auth"));   // data/auth.mv.db
 * file.createOwnerOnly();
 * JdbcDataSource dataSource = file.dataSource();
 * }</pre>
 */
final class H2File {

  private static final String SUFFIX = ".mv.db";

  private final Path base;

  private H2File(Path base) {
    this.base = base;
  }

  /** The database at {@code file}, with or without the {@code .mv.db} suffix. */
  static H2File of(Path file) {
    Path base = withoutSuffix(file.toAbsolutePath().normalize());
    if (base.toString().contains(";")) {
      throw new IllegalArgumentException("the auth store path must not contain ';': " + base);
    }
    return new H2File(base);
  }

  /** The absolute path without the suffix, as H2 names the database. */
  Path base() {
    return base;
  }

  /** A data source for the database; H2 creates it on the first connection. */
  JdbcDataSource dataSource() {
    JdbcDataSource h2 = new JdbcDataSource();
    // TRACE_LEVEL_FILE=0: no .trace.db next to the database; errors reach the caller instead.
    h2.setURL("jdbc:h2:file:" + base + ";TRACE_LEVEL_FILE=0");
    h2.setUser("sa");
    h2.setPassword("");
    return h2;
  }

  /** Creates missing parent directories (rwx------) and a new, empty database file (rw-------). */
  void createOwnerOnly() {
    Path directory = base.getParent();
    try {
      DataDirectory.create(directory);
      // H2 takes an empty file for a new database, so the data lands in an owner-only file
      DataDirectory.createFile(base.resolveSibling(base.getFileName() + SUFFIX));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the auth store directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private static Path withoutSuffix(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(SUFFIX)
        ? file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()))
        : file;
  }
}
