import type { Metadata } from 'next';
import { VerifyForm } from './verify-form';

export const metadata: Metadata = { title: 'Verify a badge' };

export default function VerifyPage() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">Verify an Open Badge</h1>
      <p className="text-stone-700">
        Check any Open Badge, 2.0 or 3.0, from Laurel or any other issuer: a baked image, its web address, or
        its JSON or signed token. Laurel checks it right now: the issuer's signature or hosted record, who
        controls the signing key, that it has not been revoked or expired, and that the image matches. If a
        site it needs is down, it says so instead of guessing.
      </p>
      <VerifyForm />
    </div>
  );
}
