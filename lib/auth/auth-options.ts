import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticate } from "./authenticate";
import { clientIpOfHeaders } from "./client-ip";
import { servesHttps } from "@/lib/http/security-headers";
import { sessionCookie } from "./session-cookie";
import { authSecret } from "./secret";
import { endUserSession, SESSION_MAX_AGE_S } from "./user-sessions";

export { sessionCookie };

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  useSecureCookies: servesHttps(),
  cookies: { sessionToken: sessionCookie() },
  pages: { signIn: "/anmelden", error: "/anmelden" },
  providers: [
    CredentialsProvider({
      name: "E-Mail und Passwort",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const ip = clientIpOfHeaders(req?.headers);
        const user = await authenticate(
          await getDb(),
          String(credentials?.email ?? ""),
          String(credentials?.password ?? ""),
          ip,
        );
        return user
          ? { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion, sid: user.sessionId }
          : null;
      },
    }),
  ],
  events: {
    // next-auth's own sign-out endpoint (used after a password change) ends the server-side session as well.
    async signOut({ token }) {
      if (typeof token?.sub === "string" && typeof token.sid === "string")
        await endUserSession(await getDb(), { userId: token.sub, sessionId: token.sid }).catch(() => {});
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: string }).sv;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sv: token.sv, sid: token.sid };
    },
  },
};
