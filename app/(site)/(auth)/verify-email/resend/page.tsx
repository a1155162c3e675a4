import type { Metadata } from 'next';
import { EmailRequestForm } from '@/components/auth/email-request-form';
import { Card } from '@/components/ui/card';
import { resendVerificationAction } from '../../actions';

export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false } };

export default function ResendVerificationPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Get a new confirmation link</h1>
      <p className="mb-6 text-stone-700">You can sign in once your address is confirmed.</p>
      <Card>
        <EmailRequestForm action={resendVerificationAction} submitLabel="Send a new link" />
      </Card>
    </div>
  );
}
