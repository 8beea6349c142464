package dev.gatehouse.mcp.authserver.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** The data directory: created readable by its owner only, as are the files written in it. */
public final class DataDirectory {

  private DataDirectory() {}

  /** Creates {@code dir} (and parents) with mode 700 where the file system has POSIX modes. */
  public static void create(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      if (posix(dir)) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  /** Makes a file readable and writable by its owner only (mode 600). */
  public static void ownerOnly(Path file) throws IOException {
    if (posix(file)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static boolean posix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }
}
