package dev.gatehouse.mcp.authserver.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only files: the data directory and what is written in it (signing keys, the H2 database)
 * are readable by their owner only, where the file system has POSIX modes. Each is created with
 * its mode, never widened and narrowed afterwards.
 */
public final class DataDirectory {

  private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  private static final FileAttribute<?> DIRECTORY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final FileAttribute<?> FILE = PosixFilePermissions.asFileAttribute(FILE_MODE);

  private DataDirectory() {}

  /**
   * Creates {@code dir} and missing parents, each with mode 700; an existing one is left as it is,
   * and a file in its place is an error that says so.
   */
  public static void create(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new FileAlreadyExistsException(dir.toString(), null, "it is a file, not a directory");
    }
    if (!Files.isDirectory(dir)) {
      if (posix(dir)) {
        Files.createDirectories(dir, DIRECTORY);
      } else {
        Files.createDirectories(dir);
      }
    }
  }

  /** Creates an empty file with mode 600 unless it exists (then it is left as it is). */
  public static void createFile(Path file) throws IOException {
    try {
      if (posix(file)) {
        Files.createFile(file, FILE);
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // appeared in between, or was there: left as it is
    }
  }

  /** Makes a file readable and writable by its owner only (mode 600). */
  public static void ownerOnly(Path file) throws IOException {
    if (posix(file)) {
      Files.setPosixFilePermissions(file, FILE_MODE);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
