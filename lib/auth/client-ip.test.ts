import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installPeerAddressHeader } from "@/lib/http/peer-address";
import { PEER_ADDRESS_HEADER, clientIpFrom, normaliseAddress, parseTrustedProxies } from "./client-ip";

/**
 * Finding 4 of issue 16: the per-IP sign-in throttle keyed on the last X-Forwarded-For hop, which any client can
 * write, so rotating the header bypassed it. Forwarded headers now count only from TRUSTED_PROXIES.
 */
const none = parseTrustedProxies(undefined);

describe("client address", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const forged of ["1.2.3.4", "10.0.0.1, 1.2.3.4", undefined, "", ["5.6.7.8", "9.9.9.9"], "unsinn"])
      expect(clientIpFrom("203.0.113.7", forged, none)).toBe("203.0.113.7");
    // Rotating the header no longer yields a new throttle key.
    const keys = new Set(Array.from({ length: 50 }, (_, i) => clientIpFrom("127.0.0.1", `10.0.${i}.1`, none)));
    expect([...keys]).toEqual(["127.0.0.1"]);
  });

  it("behind a trusted proxy is the right-most hop that is not a trusted proxy", () => {
    const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.1 ::1");
    expect(clientIpFrom("10.1.2.3", "198.51.100.4", proxies)).toBe("198.51.100.4");
    // The client wrote the first hop itself; the proxies appended the others.
    expect(clientIpFrom("10.1.2.3", "6.6.6.6, 198.51.100.4, 10.9.9.9", proxies)).toBe("198.51.100.4");
    expect(clientIpFrom("::1", "198.51.100.4", proxies)).toBe("198.51.100.4");
    expect(clientIpFrom("::ffff:192.168.1.1", "198.51.100.4", proxies)).toBe("198.51.100.4");
    // Only proxies in the chain: the left-most is the best we know.
    expect(clientIpFrom("10.1.2.3", "10.4.4.4, 10.5.5.5", proxies)).toBe("10.4.4.4");
    // A trusted proxy without a header: the proxy itself.
    expect(clientIpFrom("10.1.2.3", undefined, proxies)).toBe("10.1.2.3");
    // Garbage where the client's address should be: the last trusted hop, never the garbage.
    expect(clientIpFrom("10.1.2.3", "<script>", proxies)).toBe("10.1.2.3");
    // A connection from elsewhere is not a proxy, even with the header.
    expect(clientIpFrom("198.51.100.9", "10.0.0.1", proxies)).toBe("198.51.100.9");
  });

  it("normalises IPv4 on dual-stack sockets and refuses what is not an address", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normaliseAddress("localhost")).toBeNull();
    expect(clientIpFrom(undefined, "1.2.3.4", none)).toBeNull();
  });

  it("refuses wrong TRUSTED_PROXIES entries with a German message", () => {
    for (const wrong of ["proxy.example", "10.0.0.0/33", "10.0.0.0/x", "1.2.3.4/8/9", "::1/129"])
      expect(() => parseTrustedProxies(wrong), wrong).toThrow(/TRUSTED_PROXIES: .* keine IP-Adresse/);
    expect(parseTrustedProxies(" ").entries).toEqual([]);
  });

  it("takes the socket's address from the server, replacing a header of the same name the client sent", async () => {
    installPeerAddressHeader();
    const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const headers = await new Promise<Record<string, string>>((resolve, reject) => {
        http
          .get(
            {
              port,
              host: "127.0.0.1",
              headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" },
            },
            (res) => {
              let body = "";
              res.on("data", (c) => (body += c));
              res.on("end", () => resolve(JSON.parse(body)));
            },
          )
          .on("error", reject);
      });
      expect(headers[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
      expect(clientIpFrom(headers[PEER_ADDRESS_HEADER], headers["x-forwarded-for"], none)).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});
