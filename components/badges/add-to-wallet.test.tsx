// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { AddToWallet, type CredentialLinks, credentialLinksFor } from './add-to-wallet';
import { CopyCredentialUrl } from './copy-credential-url';

const base = 'https://laurel.test/badges/4f0c6f2e-61a4-4d1b-9d2e-1c8a3b7e5d90';
const links: CredentialLinks = {
  credentialUrl: 'https://laurel.test/credentials/4f0c6f2e-61a4-4d1b-9d2e-1c8a3b7e5d90',
  jsonUrl: `${base}/download/ob3.json`,
  jwtUrl: `${base}/download/ob3.jwt`,
  jwtEdDsaUrl: `${base}/download/ob3-eddsa.jwt`,
  pngUrl: `${base}/download/ob3.png`,
  svgUrl: `${base}/download/ob3.svg`,
};

/** The panel as the server renders it, in a document to query like a visitor's browser would. */
async function renderPanel() {
  document.body.innerHTML = renderToStaticMarkup(await AddToWallet({ links }));
  return document.body;
}

const byLabel = (id: string) => document.querySelector(`[aria-labelledby="${id}"]`);

describe('AddToWallet', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('links an award to its hosted credential and its five files', () => {
    expect(credentialLinksFor('https://laurel.example', 'a1')).toEqual({
      credentialUrl: 'https://laurel.example/ob/v3/credentials/a1',
      jsonUrl: '/ob/v3/credentials/a1/download/json',
      jwtUrl: '/ob/v3/credentials/a1/download/jwt',
      jwtEdDsaUrl: '/ob/v3/credentials/a1/download/jwt-eddsa',
      pngUrl: '/ob/v3/credentials/a1/download/png',
      svgUrl: '/ob/v3/credentials/a1/download/svg',
    });
  });

  it('offers the link to copy, the five downloads and a QR code of the link, with a plain explanation', async () => {
    const page = await renderPanel();
    const section = byLabel('add-to-wallet');
    expect(section?.querySelector('h2')?.textContent).toBe('Add to a digital wallet');
    expect(page.textContent).toContain(
      'Open Badges 3.0 wallets such as the DCC Learner Credential Wallet can import this credential',
    );
    expect(page.textContent).toContain('RS256 works with every Open Badges 3.0 wallet.');

    const input = page.querySelector<HTMLInputElement>('#credential-url');
    expect(page.querySelector('label[for="credential-url"]')?.textContent).toBe('Credential link');
    expect(input?.readOnly).toBe(true);
    expect(input?.value).toBe(links.credentialUrl);

    const downloads = [...(byLabel('add-to-wallet-downloads')?.querySelectorAll('a') ?? [])];
    expect(downloads.map((a) => [a.textContent, a.getAttribute('href'), a.hasAttribute('download')])).toEqual(
      [
        ['Credential (.json)', links.jsonUrl, true],
        ['Signed token, RS256 (.jwt)', links.jwtUrl, true],
        ['Signed token, EdDSA (.jwt)', links.jwtEdDsaUrl, true],
        ['Image with credential (.png)', links.pngUrl, true],
        ['Image with credential (.svg)', links.svgUrl, true],
      ],
    );

    const qr = page.querySelector('img');
    expect(qr?.getAttribute('alt')).toBe(`QR code for the credential link ${links.credentialUrl}`);
    const svg = Buffer.from(
      qr?.getAttribute('src')?.replace('data:image/svg+xml;base64,', '') ?? '',
      'base64',
    );
    expect(svg.toString('utf8')).toContain(`<title>QR code for ${links.credentialUrl}</title>`);
  });
});

describe('CopyCredentialUrl', () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

  async function clickCopy(writeText: (text: string) => Promise<void>) {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    await act(async () => root.render(<CopyCredentialUrl url={links.credentialUrl} />));
    const status = container.querySelector('[role="status"]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toBe('');
    const button = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Copy credential link',
    );
    await act(async () => button?.click());
    const message = status?.textContent;
    act(() => root.unmount());
    return message;
  }

  it('copies the link and says so in a live region', async () => {
    const copied: string[] = [];
    const message = await clickCopy(async (text) => {
      copied.push(text);
    });
    expect(copied).toEqual([links.credentialUrl]);
    expect(message).toBe('Credential link copied');
  });

  it('tells the visitor to copy it themselves when the browser refuses', async () => {
    const message = await clickCopy(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    expect(message).toBe('Could not copy: select the link and copy it yourself');
  });
});
