'use client';

import { useEffect, useRef } from 'react';

export type ErrorSummaryProps = {
  /** The form's latest state; only an error shows anything. */
  state: { status: string; message?: string; fieldErrors?: Record<string, string[]> };
  /** Each field the form shows, by name: its input's id and its label. In form order. */
  fields: Record<string, { id: string; label: string }>;
};

/**
 * What went wrong with a submission, at the top of the form: the message, then each field's
 * problem as a link to that field. It takes focus after a failed submit so keyboard and
 * screen-reader users land on it. The live region is always in the page (empty until needed),
 * because a region inserted together with its text is often not announced.
 */
export function ErrorSummary({ state, fields }: ErrorSummaryProps) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'error') summary.current?.focus();
  }, [state]);
  const isError = state.status === 'error';
  const problems = Object.entries(isError ? (state.fieldErrors ?? {}) : {}).filter(
    ([, messages]) => messages.length > 0,
  );
  return (
    <div role="status" aria-live="polite">
      {isError ? (
        <div
          ref={summary}
          tabIndex={-1}
          className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800 focus:outline-2 focus:outline-offset-2 focus:outline-red-700"
        >
          <p className="font-semibold">{state.message}</p>
          {problems.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {problems.map(([name, messages]) => {
                const field = fields[name];
                const text = messages.join(' ');
                return (
                  <li key={name}>
                    {field ? (
                      <a href={`#${field.id}`} className="underline">
                        {field.label}: {text}
                      </a>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
