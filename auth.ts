import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { verifyCredentials } from '@/lib/accounts/credentials';
import { afterDeletionCancelled } from '@/lib/accounts/deletion/after-cancel';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { safeReturnPath } from '@/lib/auth/return-path';
import { revokeSession, startSession } from '@/lib/auth/sessions';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/signed-in-hint';
import { writeSignedInHint } from '@/lib/auth/signed-in-hint-cookie';
import { getConfig } from '@/lib/config';
import { isAppError } from '@/lib/errors';
import { log } from '@/lib/log';

class SignInLocked extends CredentialsSignin {
  code = 'rate_limited';
}
class AddressUnconfirmed extends CredentialsSignin {
  code = 'unconfirmed';
}

declare module 'next-auth' {
  interface Session {
    /** The `sessions` row behind this cookie: signing out revokes it, so a copied cookie stops working. */
    sessionId?: string;
  }
}

// A lazy config keeps `next build` from reading configuration or secrets.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getConfig().authSecret,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const { email, password } = credentials;
        if (typeof email !== 'string' || typeof password !== 'string') return null;
        try {
          const db = await getDb();
          const user = await verifyCredentials(db, {
            email,
            password,
            client: clientKeyFrom(request.headers),
          });
          if (user?.isDeletionCancelled) await afterDeletionCancelled(db, user.id);
          return user;
        } catch (error) {
          if (isAppError(error, 'rate_limited')) throw new SignInLocked();
          if (isAppError(error, 'forbidden')) throw new AddressUnconfirmed();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = await startSession(await getDb(), user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === 'string') session.sessionId = token.sid;
      return session;
    },
    // Every redirect Auth.js makes goes through here: only paths on this site.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
      return `${baseUrl}${safeReturnPath(path, '/wallet', baseUrl)}`;
    },
  },
  // The signed-in hint lets cached pages show the signed-in header (lib/auth/signed-in-hint.ts).
  events: {
    async signIn() {
      await writeSignedInHint(true);
    },
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await revokeSession(await getDb(), sid);
      await writeSignedInHint(false);
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error.name === 'CredentialsSignin' || error instanceof CredentialsSignin) return;
      log.error({ err: error }, 'auth error');
    },
  },
}));
