'use client';

import { useActionState } from 'react';
import { VerificationReportView } from '@/components/badges/verification-report';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type VerifyState, verifyAction } from './actions';

const idle: VerifyState = { status: 'idle' };
const input = 'rounded-md border border-stone-400 bg-white px-3 py-2 text-base';

export function VerifyForm() {
  const [state, action] = useActionState(verifyAction, idle);
  const values = {
    url: state.status === 'idle' ? '' : (state.values?.url ?? ''),
    json: state.status === 'idle' ? '' : (state.values?.json ?? ''),
  };
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <form action={action} className="flex flex-col gap-5">
          <FormMessage tone="error">{state.status === 'error' ? state.message : null}</FormMessage>
          <div className="flex flex-col gap-1">
            <label htmlFor="verify-file" className="font-medium">
              A baked badge image (PNG or SVG)
            </label>
            <input
              id="verify-file"
              name="file"
              type="file"
              accept="image/png,image/svg+xml,.png,.svg"
              className={input}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="verify-url" className="font-medium">
              or the badge's URL
            </label>
            <input
              id="verify-url"
              name="url"
              type="url"
              defaultValue={values.url}
              placeholder="https://…"
              className={input}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="verify-json" className="font-medium">
              or its Open Badges JSON or signed token (JWT)
            </label>
            <textarea
              id="verify-json"
              name="json"
              rows={5}
              defaultValue={values.json}
              className={`${input} font-mono text-sm`}
            />
          </div>
          <SubmitButton pendingLabel="Verifying…">Verify</SubmitButton>
        </form>
      </Card>
      {state.status === 'done' ? (
        // The source is often a long URL: it wraps anywhere rather than widening a phone screen.
        <section aria-labelledby="result-heading" className="flex flex-col gap-3 [overflow-wrap:anywhere]">
          <h2 id="result-heading" className="text-xl font-semibold">
            Result for {state.source}
          </h2>
          {state.report.badge?.name ? (
            <p>
              <strong>{state.report.badge.name}</strong>
              {state.report.badge.issuerName ? ` from ${state.report.badge.issuerName}` : ''}
            </p>
          ) : null}
          <VerificationReportView report={state.report} headingId="result-heading" />
        </section>
      ) : null}
    </div>
  );
}
