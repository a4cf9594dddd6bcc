import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticate } from "./authenticate";
import { clientIpFrom } from "./client-ip";
import { authSecret } from "./secret";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/anmelden", error: "/anmelden" },
  providers: [
    CredentialsProvider({
      name: "E-Mail und Passwort",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const ip = clientIpFrom(req?.headers?.["x-forwarded-for"] as string | undefined);
        const user = await authenticate(await getDb(), String(credentials?.email ?? ""), String(credentials?.password ?? ""), ip);
        return user ? { id: user.id, name: user.name, email: user.email, sv: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sv?: string }).sv;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sv: token.sv };
    },
  },
};
