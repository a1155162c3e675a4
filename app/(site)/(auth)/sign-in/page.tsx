import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { safeReturnPath } from '@/lib/auth/return-path';
import { getCurrentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reset?: string }>;
}) {
  const { callbackUrl, reset } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">Sign in to Laurel</h1>
      {reset ? (
        <div className="mb-4">
          <FormMessage tone="success">Your password has been changed. Sign in with the new one.</FormMessage>
        </div>
      ) : null}
      <Card>
        <SignInForm callbackUrl={returnTo} />
      </Card>
      <p className="mt-4 text-sm text-stone-700">
        <Link href="/forgot-password" className="underline">
          Forgot your password?
        </Link>{' '}
        · New here?{' '}
        <Link href="/sign-up" className="underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
