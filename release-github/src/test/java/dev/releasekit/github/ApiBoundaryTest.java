package dev.releasekit.github;

import dev.releasekit.testing.ApiBoundary;
import org.junit.jupiter.api.Test;

class ApiBoundaryTest {
  @Test
  void usesNoOtherModulesInternalPackage() {
    ApiBoundary.check("dev.releasekit.github");
  }
}
