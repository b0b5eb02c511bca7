package dev.releasekit.spi;

/** What a command printed (standard output and error, interleaved) and how it exited. */
public record CommandOutput(int exitCode, String output) {
  public CommandOutput {
    output = output == null ? "" : output;
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
