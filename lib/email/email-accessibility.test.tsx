// @vitest-environment jsdom
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import {
  badgeAwardedMessage,
  badgeExpiringMessage,
  badgeRevokedMessage,
  resetPasswordMessage,
  verifyEmailMessage,
} from './render';
import { BadgeAwardedEmail } from './templates/badge-awarded-email';
import { BadgeExpiringEmail } from './templates/badge-expiring-email';

/** Loads an email's HTML as the whole document and runs axe's WCAG 2.1 A/AA rules (and best practices). */
async function violationsIn(html: string) {
  document.open();
  document.write(html);
  document.close();
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    // jsdom lays nothing out, so contrast cannot be measured here.
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the emails checked with axe', () => {
  it('the claim email HTML has a title, a main landmark and all its content in it', async () => {
    const { html, subject } = await badgeAwardedMessage(BadgeAwardedEmail.PreviewProps);
    expect(await violationsIn(html)).toEqual([]);
    expect(document.title).toBe(subject);
    expect(document.querySelector('main')?.textContent).toContain('Claim your badge');
  });

  it('the revocation, confirmation and reset emails pass too', async () => {
    const messages = await Promise.all([
      badgeRevokedMessage({
        recipientName: 'Amara Okafor',
        badgeName: 'Data Literacy Foundations',
        issuerName: 'Northbridge Community College',
        issuerEmail: 'badges@northbridge.example',
        reason: 'Awarded to the wrong cohort',
        wasAccepted: true,
      }),
      badgeExpiringMessage(BadgeExpiringEmail.PreviewProps),
      verifyEmailMessage({ name: 'Amara', verifyUrl: 'https://laurel.test/verify-email/abc' }),
      resetPasswordMessage({ name: 'Amara', resetUrl: 'https://laurel.test/reset-password/abc' }),
    ]);
    for (const { html, subject } of messages) {
      expect(await violationsIn(html), subject).toEqual([]);
      expect(document.title, subject).not.toBe('');
    }
  });
});
