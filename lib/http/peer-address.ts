import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";

let installed = false;

/**
 * Route handlers and next-auth see a request's headers but not its socket. Before Node hands a request to Next.js,
 * this stamps the socket's address into a header — replacing any copy the client sent — so the client address can
 * be judged by TRUSTED_PROXIES (lib/auth/client-ip.ts). Next.js itself only fills X-Forwarded-For when the client
 * left it out, so that header alone cannot tell a proxy's word from the client's.
 */
export function installPeerAddressHeader(): void {
  if (installed) return;
  installed = true;
  diagnosticsChannel.subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
  });
}
