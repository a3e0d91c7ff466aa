package dev.wasmcore.dap.session;

import dev.wasmcore.dap.protocol.DapException;
import dev.wasmcore.dap.protocol.ErrorId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files a client may make the server open (core dumps, modules, debug info, source search directories).
 *
 * <p>In server mode a client is untrusted, so {@code --allow-dir DIR} restricts opening to those directories. A path
 * is resolved before the check the way the kernel would open it: the longest existing prefix through
 * {@link Path#toRealPath} (symlinks and {@code ..} followed), then the rest, which must not contain {@code ..}. A
 * denial says the same thing whether or not the file exists, so a client cannot probe the file system.
 */
public final class FileAccessPolicy {
  private static final FileAccessPolicy UNRESTRICTED = new FileAccessPolicy(null);

  /** Real paths of the allowed directories, or null when everything is allowed. */
  private final List<Path> allowed;

  private FileAccessPolicy(List<Path> allowed) {
    this.allowed = allowed;
  }

  /** No restriction (the stdio server: the client is the user's own editor). */
  public static FileAccessPolicy unrestricted() {
    return UNRESTRICTED;
  }

  /**
   * Restricts access to these directories.
   *
   * @throws IllegalArgumentException when a directory does not exist (the server refuses to start)
   */
  public static FileAccessPolicy within(List<Path> directories) {
    List<Path> real = new ArrayList<>();
    for (Path dir : directories) {
      try {
        Path r = dir.toAbsolutePath().toRealPath();
        if (!Files.isDirectory(r)) {
          throw new IllegalArgumentException("--allow-dir " + dir + " is not a directory");
        }
        real.add(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("--allow-dir " + dir + " does not exist");
      }
    }
    if (real.isEmpty()) {
      throw new IllegalArgumentException("no --allow-dir given");
    }
    return new FileAccessPolicy(List.copyOf(real));
  }

  public boolean restricted() {
    return allowed != null;
  }

  public List<Path> allowedDirectories() {
    return allowed == null ? List.of() : allowed;
  }

  /**
   * Returns the path when the client may open it.
   *
   * @param what the launch argument, for the message
   * @throws DapException {@link ErrorId#ACCESS_DENIED} when it lies outside every allowed directory
   */
  public Path check(String what, Path path) {
    if (allowed == null) {
      return path;
    }
    Path resolved = resolve(path);
    if (resolved != null) {
      for (Path dir : allowed) {
        if (resolved.startsWith(dir)) {
          return path;
        }
      }
    }
    throw new DapException(ErrorId.ACCESS_DENIED, what + " '" + path
        + "' cannot be opened: this server only opens files inside its --allow-dir directories");
  }

  /** The real location of a path, or null when it cannot be decided safely. */
  static Path resolve(Path path) {
    Path absolute = path.toAbsolutePath();
    Path existing = absolute;
    int depth = 0;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
      if (++depth > 4096) {
        return null;
      }
    }
    if (existing == null) {
      return null;
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      return null;
    }
    Path rest = existing.relativize(absolute);
    for (Path part : rest) {
      if (part.toString().equals("..")) {
        return null;
      }
    }
    return rest.toString().isEmpty() ? real : real.resolve(rest).normalize();
  }
}
