import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emailShareUrl,
  facebookShareUrl,
  linkedInAddToProfileUrl,
  linkedInPostUrl,
  type ShareableBadge,
  X_TEXT_MAX_CHARS,
  xPostText,
  xPostUrl,
} from './links';

const publicUrl = 'https://laurel.test/badges/aw_1?ref=share&x=1#top';

function badge(overrides: Partial<ShareableBadge> = {}): ShareableBadge {
  return {
    awardId: 'aw_1',
    badgeName: 'C++ & Rust #1',
    issuerName: 'Zoë & Co',
    earnerName: 'Ada Lovelace',
    issuedAt: new Date('2025-12-31T23:30:00Z'),
    expiresAt: null,
    publicUrl,
    imagePngUrl: 'https://laurel.test/badges/aw_1/image.png',
    embedUrl: 'https://laurel.test/embed/aw_1',
    ...overrides,
  };
}

/** The exact query, as a receiving site would decode it. */
function query(href: string, origin: string, pathname: string) {
  const url = new URL(href);
  expect(`${url.origin}${url.pathname}`).toBe(`${origin}${pathname}`);
  expect(url.hash).toBe('');
  expect([...url.searchParams.keys()]).toEqual([...new Set(url.searchParams.keys())]);
  return Object.fromEntries(url.searchParams);
}

describe('linkedInAddToProfileUrl', () => {
  // 23:30 UTC on 31 Dec is already January in Kiribati (UTC+14): local-time months would show there.
  const serverZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Pacific/Kiritimati';
  });
  afterAll(() => {
    if (serverZone === undefined) delete process.env.TZ;
    else process.env.TZ = serverZone;
  });

  it('pre-fills the certification form without an expiry, using UTC months', () => {
    expect(query(linkedInAddToProfileUrl(badge()), 'https://www.linkedin.com', '/profile/add')).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'C++ & Rust #1',
      organizationName: 'Zoë & Co',
      issueYear: '2025',
      issueMonth: '12',
      certUrl: publicUrl,
      certId: 'aw_1',
    });
  });

  it('adds the expiry year and month only when the badge expires', () => {
    const href = linkedInAddToProfileUrl(badge({ expiresAt: new Date('2027-01-01T00:30:00Z') }));
    const params = query(href, 'https://www.linkedin.com', '/profile/add');
    expect(Object.keys(params).sort()).toEqual(
      [
        'certId',
        'certUrl',
        'expirationMonth',
        'expirationYear',
        'issueMonth',
        'issueYear',
        'name',
        'organizationName',
        'startTask',
      ].sort(),
    );
    expect(params).toMatchObject({ expirationYear: '2027', expirationMonth: '1', issueMonth: '12' });
  });
});

describe('post links', () => {
  it('LinkedIn and Facebook carry only the public URL, intact', () => {
    expect(query(linkedInPostUrl(badge()), 'https://www.linkedin.com', '/sharing/share-offsite/')).toEqual({
      url: publicUrl,
    });
    expect(query(facebookShareUrl(badge()), 'https://www.facebook.com', '/sharer/sharer.php')).toEqual({
      u: publicUrl,
    });
  });

  it('X gets the post text and the public URL', () => {
    expect(query(xPostUrl(badge()), 'https://x.com', '/intent/tweet')).toEqual({
      text: 'I earned the C++ & Rust #1 badge from Zoë & Co!',
      url: publicUrl,
    });
  });

  it('X text shortens a long badge name with an ellipsis and stays under 200 characters', () => {
    const text = xPostText(badge({ badgeName: `Advanced ${'Kubernetes '.repeat(30)}Operator` }));
    expect(Array.from(text).length).toBeLessThanOrEqual(X_TEXT_MAX_CHARS);
    expect(text).toMatch(/^I earned the Advanced Kubernetes .*… badge from Zoë & Co!$/);
  });

  it('X text never splits an emoji and survives a long issuer name too', () => {
    const text = xPostText(badge({ badgeName: `A${'🏅'.repeat(300)}`, issuerName: 'Ü'.repeat(300) }));
    expect(Array.from(text).length).toBe(X_TEXT_MAX_CHARS);
    expect(text.isWellFormed()).toBe(true);
    expect(text).toMatch(/^I earned the A🏅+… badge from Ü+…!$/u);
  });
});

describe('emailShareUrl', () => {
  it('has exactly a subject and a body, percent-encoded with %20 for spaces', () => {
    const href = emailShareUrl(badge());
    expect(
      href.startsWith('mailto:?subject=Ada%20Lovelace%20earned%20C%2B%2B%20%26%20Rust%20%231&body='),
    ).toBe(true);
    expect(href).not.toContain('+');
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('');
    expect([...url.searchParams.keys()].sort()).toEqual(['body', 'subject']);
    expect(url.searchParams.get('subject')).toBe('Ada Lovelace earned C++ & Rust #1');
    expect(url.searchParams.get('body')).toBe(
      `Ada Lovelace earned the C++ & Rust #1 badge from Zoë & Co. See it here:\r\n${publicUrl}`,
    );
  });
});
