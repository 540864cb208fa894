package io.github.core4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.cli.BtfDumpCommandTest.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Only the subcommand a command line names is registered (start-up), yet help, usage errors and the
 * hidden AOT training command behave as if all were.
 */
class CommandRegistrationTest {
  private static final Path TESTDATA =
      Path.of(System.getProperty("core4j.testdata", "../testdata"));

  @Test
  void helpListsEveryCommandButTheHiddenOne() {
    Result r = BtfDumpCommandTest.run("--help");
    assertEquals(0, r.exit(), r.err());
    for (String command : new String[] {"btf", "obj", "reloc", "gen", "check", "features"}) {
      assertTrue(r.out().contains("  " + command + " "), command + " in\n" + r.out());
    }
    assertFalse(r.out().contains("aot-training"), r.out());
  }

  @Test
  void aMisspeltCommandIsBadUsageWithTheCommandsToChooseFrom() {
    Result r = BtfDumpCommandTest.run("btff", "dump");
    assertEquals(Core4j.EXIT_BAD_INPUT, r.exit());
    assertTrue(r.err().contains("btff"), r.err());
  }

  @Test
  void optionsBeforeTheCommandStillFindIt() {
    Result r = BtfDumpCommandTest.run("--debug", "btf", "dump", "--help");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("--format"), r.out());
  }

  @Test
  void aotTrainingRunsTheCommonCommandsQuietly() {
    Result r = BtfDumpCommandTest.run("aot-training", TESTDATA.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals("", r.err());
  }
}
