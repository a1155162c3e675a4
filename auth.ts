import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { verifyCredentials } from '@/lib/accounts/credentials';
import { clientKeyFrom } from '@/lib/auth/client-key';
import { getConfig } from '@/lib/config';
import { isAppError } from '@/lib/errors';

class SignInLocked extends CredentialsSignin {
  code = 'rate_limited';
}

declare module 'next-auth' {
  interface Session {
    /** When this session signed in (ms); sessions older than a password change are refused. */
    authAt: number;
  }
}

// A lazy config keeps `next build` from reading configuration or secrets.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getConfig().authSecret,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const { email, password } = credentials;
        if (typeof email !== 'string' || typeof password !== 'string') return null;
        try {
          return await verifyCredentials(await getDb(), {
            email,
            password,
            client: clientKeyFrom(request.headers),
          });
        } catch (error) {
          if (isAppError(error, 'rate_limited')) throw new SignInLocked();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.authAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.authAt = typeof token.authAt === 'number' ? token.authAt : 0;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error.name === 'CredentialsSignin' || error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
}));
