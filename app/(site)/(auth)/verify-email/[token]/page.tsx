import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { verifyEmailAddress } from '@/lib/accounts/user-tokens';
import { isAppError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false } };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let confirmed: string | null = null;
  try {
    confirmed = (await verifyEmailAddress(await getDb(), token)).email;
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{confirmed ? 'Email confirmed' : 'This link does not work'}</h1>
      <Card className="flex flex-col gap-3">
        <p>
          {confirmed
            ? `Thanks — ${confirmed} is confirmed. Badges sent to it will appear in your wallet.`
            : 'The confirmation link is not valid, was already used, or has expired (links work for 24 hours).'}
        </p>
        <Link href="/wallet" className="underline">
          Go to your wallet
        </Link>
      </Card>
    </div>
  );
}
