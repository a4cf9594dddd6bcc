import { BlockList, isIP } from "node:net";
import { readEnv } from "@/config/env";

/**
 * The client's address for the sign-in throttle and the audit trail. X-Forwarded-For is written by whoever sends
 * the request, so it only counts when the connection comes from a proxy the operator named in TRUSTED_PROXIES;
 * by default (none named) the socket's own address is the client. Behind trusted proxies the client is the
 * right-most hop that is not itself a trusted proxy: earlier hops come from the client and can be forged.
 */
export type TrustedProxies = { list: BlockList; entries: readonly string[] };

/** The header the server stamps with the socket's address (lib/http/peer-address.ts); a client's copy is replaced. */
export const PEER_ADDRESS_HEADER = "x-konzeptwerk-peer-address";

/** "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) is 10.0.0.1; anything that is not an address is null. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

/** Parses TRUSTED_PROXIES: addresses and CIDR ranges, separated by commas or spaces. Throws on a wrong entry. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (raw ?? "")
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const ip = normaliseAddress(address);
    const type = ip && isIP(ip) === 6 ? "ipv6" : "ipv4";
    const bits = prefix === undefined ? null : Number(prefix);
    if (
      !ip ||
      rest.length > 0 ||
      (bits !== null && (!/^\d{1,3}$/.test(prefix!) || bits > (type === "ipv6" ? 128 : 32)))
    )
      throw new Error(`TRUSTED_PROXIES: „${entry}“ ist keine IP-Adresse und kein Adressbereich (z. B. 10.0.0.0/8).`);
    if (bits === null) list.addAddress(ip, type);
    else list.addSubnet(ip, bits, type);
  }
  return { list, entries };
}

function isTrusted(proxies: TrustedProxies, address: string): boolean {
  return proxies.entries.length > 0 && proxies.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** The client address from the socket's address and the X-Forwarded-For header, as the policy above says. */
export function clientIpFrom(
  peer: string | null | undefined,
  forwardedFor: string | string[] | null | undefined,
  proxies: TrustedProxies,
): string | null {
  const socket = normaliseAddress(peer);
  if (!socket) return null;
  if (!isTrusted(proxies, socket)) return socket;
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = raw
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // Not an address: a trusted proxy passed on what the client wrote; the last proxy we trust is what we know.
    if (!hop) return i === hops.length - 1 ? socket : normaliseAddress(hops[i + 1]);
    if (!isTrusted(proxies, hop)) return hop;
  }
  return normaliseAddress(hops[0]) ?? socket;
}

let configured: TrustedProxies | undefined;

/** TRUSTED_PROXIES of this process, parsed once. */
export function trustedProxies(): TrustedProxies {
  configured ??= parseTrustedProxies(readEnv().TRUSTED_PROXIES);
  return configured;
}

/** The client address of a request, from its headers (the stamped socket address and X-Forwarded-For). */
export function clientIpOfHeaders(headers: Record<string, unknown> | Headers | undefined): string | null {
  const get = (name: string) => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return typeof value === "string" || Array.isArray(value) ? (value as string | string[]) : undefined;
  };
  const peer = get(PEER_ADDRESS_HEADER);
  return clientIpFrom(Array.isArray(peer) ? peer[0] : peer, get("x-forwarded-for"), trustedProxies());
}
