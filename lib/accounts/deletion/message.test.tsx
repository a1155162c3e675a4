// @vitest-environment jsdom
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { AccountDeletionEmail } from '@/lib/email/templates/account-deletion-email';
import { accountDeletionMessage } from './message';

describe('the account deletion email', () => {
  it('says when it becomes final and how to cancel, in both parts, and passes axe', async () => {
    const message = await accountDeletionMessage(AccountDeletionEmail.PreviewProps);
    expect(message.subject).toBe('Your Laurel account will be deleted on 10 March 2026');
    expect(message.text).toContain('Sign in before then and nothing is deleted.');
    expect(message.text).toContain('https://laurel.example.com/sign-in');
    document.open();
    document.write(message.html);
    document.close();
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      // jsdom lays nothing out, so contrast cannot be measured here.
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => v.id)).toEqual([]);
    expect(document.title).toBe(message.subject);
  });
});
