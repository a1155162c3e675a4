import { describe, expect, it } from 'vitest';
import {
  type BadgeAwardedEmailProps,
  badgeAwardedMessage,
  badgeRevokedMessage,
  passwordChangedMessage,
  renderEmail,
  resetPasswordMessage,
  verifyEmailMessage,
} from './render';
import { BadgeAwardedEmail } from './templates/badge-awarded-email';

const badge: BadgeAwardedEmailProps = {
  recipientName: 'Amara Okafor',
  badgeName: 'Data Literacy Foundations',
  badgeDescription: 'Completed the six-week Data Literacy Foundations course.',
  badgeImageUrl: 'https://laurel.test/badges/data-literacy.png',
  issuerName: 'Northbridge Community College',
  claimUrl: 'https://laurel.test/claim/3f9c2a7e8b1d4c6f',
  expiresAt: null,
  tokenExpiresInDays: 14,
};

describe('badgeAwardedMessage', () => {
  it('names the badge and issuer and links to the claim page', async () => {
    const message = await badgeAwardedMessage(badge);

    expect(message.subject).toBe(
      "You've earned the Data Literacy Foundations badge from Northbridge Community College",
    );
    expect(message.html).toContain(`href="${badge.claimUrl}"`);
    expect(message.html).toContain('Claim your badge');
    expect(message.html).toContain(`src="${badge.badgeImageUrl}"`);
    expect(message.html).toContain('alt="Data Literacy Foundations"');
    expect(message.html).toContain(badge.badgeDescription);
    expect(message.text).toContain(badge.claimUrl);
    expect(message.text).toContain('This link works once and expires in 14 days.');
    expect(message.text).toContain('If you did not expect this email, you can safely ignore it.');
    expect(message.text).not.toContain('valid until');
  });

  it('mentions when the badge itself expires', async () => {
    const message = await badgeAwardedMessage({ ...badge, expiresAt: new Date('2027-06-30T00:00:00Z') });

    expect(message.text).toContain('This badge is valid until June 30, 2027.');
  });

  it('escapes issuer-supplied text in the HTML', async () => {
    const script = '<script>alert(1)</script>';
    const message = await badgeAwardedMessage({
      ...badge,
      badgeName: script,
      issuerName: '<b onmouseover="x()">Evil</b>',
      badgeDescription: `<img src=x onerror=alert(1)>`,
      recipientName: script,
    });

    expect(message.html).not.toContain('<script');
    expect(message.html).not.toContain('<b onmouseover');
    expect(message.html).not.toContain('<img src=x');
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message.html).toContain('alt="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('renders its preview props', async () => {
    const { html, text } = await renderEmail(<BadgeAwardedEmail {...BadgeAwardedEmail.PreviewProps} />);

    expect(html).toContain(`href="${BadgeAwardedEmail.PreviewProps.claimUrl}"`);
    expect(text).toContain('Claim your badge');
  });
});

describe('badgeRevokedMessage', () => {
  const revoked = {
    recipientName: 'Amara Okafor',
    badgeName: 'Data Literacy Foundations',
    issuerName: 'Northbridge Community College',
    issuerEmail: 'badges@northbridge.test',
    reason: 'Awarded to the wrong cohort <by mistake>',
    wasAccepted: true,
  };

  it('says which badge from which issuer was revoked, why, and whom to contact', async () => {
    const message = await badgeRevokedMessage(revoked);

    expect(message.subject).toBe(
      'Your Data Literacy Foundations badge from Northbridge Community College has been revoked',
    );
    expect(message.html).toContain(
      'Northbridge Community College has revoked your Data Literacy Foundations badge',
    );
    expect(message.text).toContain('The reason Northbridge Community College gave:');
    expect(message.text).toContain('Awarded to the wrong cohort <by mistake>');
    expect(message.html).toContain('Awarded to the wrong cohort &lt;by mistake&gt;');
    expect(message.html).toContain('href="mailto:badges@northbridge.test"');
    expect(message.text).toContain('Anyone who views or verifies it will see that it was revoked');
  });

  it('tells a learner who never accepted that the claim link no longer works', async () => {
    const message = await badgeRevokedMessage({ ...revoked, wasAccepted: false });

    expect(message.text).toContain('the claim link you were sent no longer works');
    expect(message.text).not.toContain('Anyone who views');
  });
});

describe('verifyEmailMessage', () => {
  it('links to the verification page and says when the link expires', async () => {
    const verifyUrl = 'https://laurel.test/verify-email/8d2f4b6a1c3e5f70';
    const message = await verifyEmailMessage({ name: 'Amara', verifyUrl });

    expect(message.subject).toBe('Confirm your email address');
    expect(message.html).toContain(`href="${verifyUrl}"`);
    expect(message.html).toContain('Confirm email address');
    expect(message.text).toContain(verifyUrl);
    expect(message.text).toContain('This link expires in 24 hours.');
  });
});

describe('resetPasswordMessage', () => {
  it('links to the reset page and says when the link expires', async () => {
    const resetUrl = 'https://laurel.test/reset-password/c4e6a8b0d2f41a3c';
    const message = await resetPasswordMessage({ name: 'Amara', resetUrl });

    expect(message.subject).toBe('Reset your Laurel password');
    expect(message.html).toContain(`href="${resetUrl}"`);
    expect(message.html).toContain('Choose a new password');
    expect(message.text).toContain(resetUrl);
    expect(message.text).toContain('This link expires in 1 hour.');
    expect(message.text).toContain('If you did not ask to reset your password, you can ignore this email');
  });

  it('escapes the account name in the HTML', async () => {
    const message = await resetPasswordMessage({
      name: '<script>x</script>',
      resetUrl: 'https://laurel.test/r/1',
    });

    expect(message.html).not.toContain('<script');
    expect(message.html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});

describe('passwordChangedMessage', () => {
  it('says when, that other devices were signed out, and how to take the account back', async () => {
    const message = await passwordChangedMessage({
      name: 'Amara Okafor',
      changedOn: '3 March 2026',
      forgotPasswordUrl: 'https://laurel.test/forgot-password',
    });
    expect(message.subject).toBe('Your Laurel password was changed');
    expect(message.text).toContain('was changed on 3 March 2026');
    expect(message.text).toContain('signed out');
    expect(message.html).toContain('href="https://laurel.test/forgot-password"');
  });
});
