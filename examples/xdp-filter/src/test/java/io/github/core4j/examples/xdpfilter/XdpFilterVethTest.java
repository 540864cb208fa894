package io.github.core4j.examples.xdpfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.core4j.examples.testkit.NetnsPair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The example application end to end with real packets: it runs in namespace b, attached to b's end
 * of a veth pair; namespace a sends UDP datagrams to b, some from a blocked source and port.
 */
class XdpFilterVethTest {
  @Test
  @Timeout(120)
  void blockedDatagramsAreDroppedAndCountedPerRule() throws IOException, InterruptedException {
    Root.require();
    try (NetnsPair net = NetnsPair.create("xf")) {
      Process app =
          NetnsPair.startJava(
              net.b(),
              XdpFilterApp.class,
              NetnsPair.IFACE,
              net.a4() + ":9999",
              "[" + net.a6() + "]:9999");
      try {
        BufferedReader out =
            new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith("attached to " + NetnsPair.IFACE), ready);

        NetnsPair.sendUdp(net.a(), net.b4(), 9999, 9999, 9999, 9999, 9999, 8888, 8888, 8888);
        NetnsPair.sendUdp(net.a(), net.b6(), 9999, 9999, 9999, 7777);

        app.getOutputStream().close(); // end of input: the app prints its counters and exits
        List<String> lines = new ArrayList<>();
        for (String l; (l = out.readLine()) != null; ) {
          lines.add(l);
        }
        assertTrue(app.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, app.exitValue(), lines.toString());
        assertTrue(
            lines.get(0).startsWith("rule 0 " + net.a4() + ":9999 dropped 5 packets "),
            lines.toString());
        assertTrue(
            lines
                .get(1)
                .startsWith(Rule.parse(1, "[" + net.a6() + "]:9999") + " dropped 3 packets "),
            lines.toString());
      } finally {
        app.destroyForcibly();
      }
    }
  }
}
