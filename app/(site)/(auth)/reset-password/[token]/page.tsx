import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { isResetTokenLive } from '@/lib/accounts/user-tokens';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const isLive = await isResetTokenLive(await getDb(), token);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">Choose a new password</h1>
      <Card>
        {isLive ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p>
            This reset link is not valid or has expired (links work once, for one hour).{' '}
            <Link href="/forgot-password" className="underline">
              Ask for a new link
            </Link>
            .
          </p>
        )}
      </Card>
    </div>
  );
}
