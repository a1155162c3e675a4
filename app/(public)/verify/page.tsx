import type { Metadata } from 'next';
import { VerifyForm } from './verify-form';

export const metadata: Metadata = { title: 'Verify a badge' };

export default function VerifyPage() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">Verify an Open Badge</h1>
      <p className="text-stone-700">
        Check any Open Badges 2.0 badge — from Laurel or any other issuer that hosts its badges. Laurel
        fetches the issuer's own record and checks it right now: who issued it, that it has not been revoked
        or expired, and that the image matches the record.
      </p>
      <VerifyForm />
    </div>
  );
}
