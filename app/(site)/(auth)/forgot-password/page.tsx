import type { Metadata } from 'next';
import { EmailRequestForm } from '@/components/auth/email-request-form';
import { Card } from '@/components/ui/card';
import { forgotPasswordAction } from '../password-actions';

export const metadata: Metadata = { title: 'Forgot your password' };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-stone-700">Enter your email and we will send you a link to choose a new one.</p>
      <Card>
        <EmailRequestForm action={forgotPasswordAction} submitLabel="Send reset link" />
      </Card>
    </div>
  );
}
