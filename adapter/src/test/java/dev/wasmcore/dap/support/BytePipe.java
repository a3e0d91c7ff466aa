package dev.wasmcore.dap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An in-memory pipe between threads: what is written to {@link #out()} is read from {@link #in()}; closing the
 * writing end gives the reader end-of-input. (java.io's piped streams fail when the last writer thread dies, which
 * lsp4j's pool threads do.)
 */
public final class BytePipe {
  private final byte[] buffer = new byte[1 << 20];
  private int head;
  private int size;
  private boolean closed;

  private final InputStream in = new InputStream() {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      synchronized (BytePipe.this) {
        while (size == 0 && !closed) {
          try {
            BytePipe.this.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
          }
        }
        if (size == 0) {
          return -1;
        }
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) {
          b[off + i] = buffer[(head + i) % buffer.length];
        }
        head = (head + n) % buffer.length;
        size -= n;
        BytePipe.this.notifyAll();
        return n;
      }
    }

    @Override
    public void close() {
      BytePipe.this.close();
    }
  };

  private final OutputStream out = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (BytePipe.this) {
        for (int i = 0; i < len; ) {
          while (size == buffer.length && !closed) {
            try {
              BytePipe.this.wait();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException("interrupted");
            }
          }
          if (closed) {
            throw new IOException("pipe closed");
          }
          int n = Math.min(len - i, buffer.length - size);
          for (int k = 0; k < n; k++) {
            buffer[(head + size + k) % buffer.length] = b[off + i + k];
          }
          size += n;
          i += n;
          BytePipe.this.notifyAll();
        }
      }
    }

    @Override
    public void close() {
      BytePipe.this.close();
    }
  };

  public InputStream in() {
    return in;
  }

  public OutputStream out() {
    return out;
  }

  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
