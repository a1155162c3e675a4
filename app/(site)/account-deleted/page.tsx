import type { Metadata } from 'next';
import Link from 'next/link';
import { DELETION_GRACE_DAYS } from '@/lib/accounts/deletion/grace';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Account deletion requested', robots: { index: false } };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day in the link, if it is one (the page states it; it grants nothing). */
function finalDay(value: string | string[] | undefined): string | null {
  if (typeof value !== 'string' || !DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : formatDate(date);
}

/** Where deleting the account lands, signed out: when it becomes final and how to change your mind. */
export default async function AccountDeletedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const finalOn = finalDay((await searchParams).final);
  const when = finalOn ? `on ${finalOn}` : `in ${DELETION_GRACE_DAYS} days`;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">Your account will be deleted {when}</h1>
      <p className="text-lg text-stone-800">
        You have been signed out everywhere. Your badges and your public profile are no longer shown to
        anyone.
      </p>
      <section aria-labelledby="cancel-heading" className="flex flex-col gap-3">
        <h2 id="cancel-heading" className="text-xl font-semibold">
          Changed your mind?
        </h2>
        <p className="text-stone-800">
          Sign in with your email and password before the deletion is final and it is cancelled: your account,
          badges and profile come back as they were. We have emailed you the date too.
        </p>
        <p>
          <Link href="/sign-in" className="font-medium text-brand-800 underline">
            Sign in to keep your account
          </Link>
        </p>
      </section>
      <section aria-labelledby="then-heading" className="flex flex-col gap-3">
        <h2 id="then-heading" className="text-xl font-semibold">
          What happens {when}
        </h2>
        <p className="text-stone-800">
          Your name, email addresses, photo and profile are erased. Your badges go back to their issuers as
          unclaimed, and each issuer is told. Whoever proves a badge's email address can claim it again.
        </p>
      </section>
    </div>
  );
}
