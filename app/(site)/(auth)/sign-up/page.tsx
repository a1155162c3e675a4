import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { Card } from '@/components/ui/card';
import { getCurrentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Create your wallet' };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect('/wallet');
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Create your Laurel wallet</h1>
      <p className="mb-6 text-stone-700">Free for learners. Keep every badge you earn in one place.</p>
      <Card>
        <SignUpForm />
      </Card>
      <p className="mt-4 text-sm text-stone-700">
        Already have an account?{' '}
        <Link href="/sign-in" className="underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
