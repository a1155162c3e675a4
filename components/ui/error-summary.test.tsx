// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorSummary, type ErrorSummaryProps } from './error-summary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const fields = {
  email: { id: 'sign-up-email', label: 'Email' },
  name: { id: 'sign-up-name', label: 'Name' },
};
let root: Root | undefined;

async function show(state: ErrorSummaryProps['state']) {
  const container =
    document.body.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
  root ??= createRoot(container);
  await act(async () => root?.render(<ErrorSummary state={state} fields={fields} />));
  return container;
}

describe('ErrorSummary', () => {
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.innerHTML = '';
  });

  it('keeps an empty live region in the page before any error', async () => {
    const page = await show({ status: 'idle' });
    const region = page.querySelector('[role="status"]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.textContent).toBe('');
  });

  it('after a failed submit, takes focus and links each problem to its field', async () => {
    await show({ status: 'idle' });
    const page = await show({
      status: 'error',
      message: 'Two answers need another look.',
      fieldErrors: { email: ['Enter an email address, like name@example.com.'], name: ['Enter your name.'] },
    });
    const summary = document.activeElement as HTMLElement;
    expect(page.querySelector('[role="status"]')?.contains(summary)).toBe(true);
    expect(summary.textContent).toContain('Two answers need another look.');
    const links = [...summary.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).toEqual([
      ['#sign-up-email', 'Email: Enter an email address, like name@example.com.'],
      ['#sign-up-name', 'Name: Enter your name.'],
    ]);
  });

  it('shows a problem about a field the form does not show as text, so nothing is lost', async () => {
    const page = await show({
      status: 'error',
      message: 'Not revoked.',
      fieldErrors: { reason: ['Give a reason.'] },
    });
    expect(page.textContent).toContain('Give a reason.');
    expect(page.querySelector('a')).toBeNull();
  });
});
