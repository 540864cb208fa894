package io.github.core4j.examples.portknock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.examples.testkit.NetnsPair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example application end to end with real packets: it guards port 2222 in namespace b on b's
 * end of a veth pair; namespace a tries the port, knocks, and tries again.
 */
class PortKnockVethTest {
  @Test
  @Timeout(120)
  void thePortOpensForTheSourceThatKnocked() throws IOException, InterruptedException {
    Root.require();
    try (NetnsPair net = NetnsPair.create("pk")) {
      Process app = NetnsPair.startJava(net.b(), PortKnockApp.class, NetnsPair.IFACE);
      try {
        BufferedReader out =
            new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith("guarding port 2222"), ready);

        NetnsPair.sendUdp(net.a(), net.b4(), 2222); // closed
        NetnsPair.sendUdp(net.a(), net.b4(), 7000, 8000, 9000); // the knock
        NetnsPair.sendUdp(net.a(), net.b4(), 2222, 2222); // open

        app.getOutputStream().close();
        String stats = out.readLine();
        assertTrue(app.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, app.exitValue());
        assertEquals("knocks 3 opened 1 closed_drops 1 allowed 2", stats);
      } finally {
        app.destroyForcibly();
      }
    }
  }
}
