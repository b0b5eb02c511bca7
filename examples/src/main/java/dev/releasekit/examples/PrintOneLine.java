package dev.releasekit.examples;

/** A bare JVM that prints one line: the yardstick {@link ColdStartBenchmark} divides by. */
public final class PrintOneLine {
  private PrintOneLine() {
  }

  public static void main(String[] args) {
    System.out.println("one line");
  }
}
