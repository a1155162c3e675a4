// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PublicError from '@/app/(public)/error';
import SiteError from '@/app/(site)/error';
import GlobalError from '@/app/global-error';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// In the browser bundle a 'use server' import is only a reference to the server: the same here,
// instead of loading Auth.js into a DOM test.
vi.mock('@/components/layout/sign-out-action', () => ({ signOutAction: async () => undefined }));

// What a server error looks like in the browser: a digest to match the log, and a message that
// must never reach the page (in development it can carry details like these).
const serverError = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'), {
  digest: '2817405531',
});
let root: Root | undefined;

async function show(element: React.ReactElement) {
  const container = document.body.appendChild(document.createElement('main'));
  root = createRoot(container);
  await act(async () => root?.render(element));
  return container;
}

describe('the error pages', () => {
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.innerHTML = '';
  });

  for (const [name, Boundary] of [
    ['(site)', SiteError],
    ['(public)', PublicError],
  ] as const) {
    it(`${name}: says what happened in plain words, with the digest and never the message`, async () => {
      const page = await show(<Boundary error={serverError} retry={() => undefined} />);
      expect(page.querySelector('h1')?.textContent).toBe('Laurel could not show this page');
      expect(page.textContent).toContain('2817405531');
      expect(page.textContent).not.toContain('ECONNREFUSED');
      expect(page.textContent).not.toContain('hunter2');
      const home = page.querySelector<HTMLAnchorElement>('a[href="/"]');
      expect(home?.textContent).toBe('Go to the home page');
    });
  }

  it('tries the page again from its button', async () => {
    const retry = vi.fn();
    const page = await show(<SiteError error={new Error('boom')} retry={retry} />);
    const button = [...page.querySelectorAll('button')].find((b) => b.textContent === 'Try again');
    await act(async () => button?.click());
    expect(retry).toHaveBeenCalledOnce();
    // A client-side error has no digest: no empty reference line.
    expect(page.textContent).not.toContain('Reference');
  });

  it('a failing root layout still gets a whole Laurel document: header, words, a way on', () => {
    const html = renderToStaticMarkup(<GlobalError error={serverError} retry={() => undefined} />);
    expect(html).toMatch(/^<html lang="en">/);
    expect(html).toContain('<title>Something went wrong · Laurel</title>');
    expect(html).toContain('aria-label="Main"');
    expect(html).toContain('Verify a badge');
    expect(html).toContain('Laurel could not show this page');
    expect(html).not.toContain('hunter2');
  });
});
