package io.github.core4j.examples.portknock;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/** Tests that load programs need root: skipped without it locally, failed without it in CI. */
final class Root {
  private Root() {}

  static void require() {
    if (!"root".equals(System.getProperty("user.name"))) {
      if ("true".equals(System.getenv("CI"))) {
        fail("tests that load BPF programs must run as root in CI");
      }
      Assumptions.abort("not root");
    }
  }
}
