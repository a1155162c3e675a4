import type { ReactNode } from 'react';

export type FormMessageTone = 'error' | 'success' | 'info';

export type FormMessageProps = {
  tone: FormMessageTone;
  children?: ReactNode;
};

const tones: Record<FormMessageTone, string> = {
  error: 'border-red-300 bg-red-50 text-red-800',
  success: 'border-brand-200 bg-brand-50 text-brand-800',
  info: 'border-sky-300 bg-sky-50 text-sky-900',
};

// Polite status, not role="alert": Next's route announcer already owns the alert role.
export function FormMessage({ tone, children }: FormMessageProps) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <div role="status" aria-live="polite" className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
