// next-auth v5: Credentials sign-in and a JWT session that carries only the user id.
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { safeCallbackPath } from "./callback-url";
import { verifyCredentials } from "./credentials";
import { clientIp } from "./request-ip";

export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

const credentialsInput = z.object({ email: z.string().max(320), password: z.string().max(1024) });

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      log.error("auth.error", { error });
    },
    warn(code) {
      log.warn("auth.warning", { code });
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials(getDb(), { ...parsed.data, ip: clientIp(request.headers) });
        if (result.ok) return { id: result.userId };
        if (result.reason === "throttled") throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" } } as typeof session;
    },
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
      return `${baseUrl}${safeCallbackPath(path)}`;
    },
  },
}));
