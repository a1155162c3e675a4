import { render, toPlainText } from '@react-email/render';
import { createElement, type ReactElement } from 'react';
import type { EmailMessage } from '@/db/schema';
import type { OnBehalfOf } from './sender';
import { BadgeAwardedEmail, type BadgeAwardedEmailProps } from './templates/badge-awarded-email';
import {
  BadgeExpiringEmail,
  type BadgeExpiringEmailProps,
  dateFormat,
} from './templates/badge-expiring-email';
import { BadgeRevokedEmail, type BadgeRevokedEmailProps } from './templates/badge-revoked-email';
import { PasswordChangedEmail, type PasswordChangedEmailProps } from './templates/password-changed-email';
import { ResetPasswordEmail, type ResetPasswordEmailProps } from './templates/reset-password-email';
import { VerifyEmailEmail, type VerifyEmailEmailProps } from './templates/verify-email';

export type {
  BadgeAwardedEmailProps,
  BadgeExpiringEmailProps,
  BadgeRevokedEmailProps,
  PasswordChangedEmailProps,
  ResetPasswordEmailProps,
  VerifyEmailEmailProps,
};

// A message minus its recipient: callers add `to` to get the outbox `EmailMessage`.
export type RenderedMessage = { subject: string; html: string; text: string } & Partial<OnBehalfOf> &
  Pick<EmailMessage, 'notification'>;

/** Renders once and derives the plain-text part from the same HTML, so both parts always agree. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}

export async function badgeAwardedMessage(props: BadgeAwardedEmailProps): Promise<RenderedMessage> {
  const subject = `You've earned the ${props.badgeName} badge from ${props.issuerName}`;
  const rendered = await renderEmail(createElement(BadgeAwardedEmail, props));
  return { subject, notification: 'badge_awarded', ...rendered };
}

export async function badgeRevokedMessage(props: BadgeRevokedEmailProps): Promise<RenderedMessage> {
  const subject = `Your ${props.badgeName} badge from ${props.issuerName} has been revoked`;
  const rendered = await renderEmail(createElement(BadgeRevokedEmail, props));
  return { subject, notification: 'badge_revoked', ...rendered };
}

export async function badgeExpiringMessage(props: BadgeExpiringEmailProps): Promise<RenderedMessage> {
  const subject = `Your ${props.badgeName} badge expires on ${dateFormat.format(props.expiresAt)}`;
  const rendered = await renderEmail(createElement(BadgeExpiringEmail, props));
  return { subject, notification: 'badge_expiring', ...rendered };
}

export async function verifyEmailMessage(props: VerifyEmailEmailProps): Promise<RenderedMessage> {
  return {
    subject: 'Confirm your email address',
    ...(await renderEmail(createElement(VerifyEmailEmail, props))),
  };
}

export async function resetPasswordMessage(props: ResetPasswordEmailProps): Promise<RenderedMessage> {
  return {
    subject: 'Reset your Laurel password',
    ...(await renderEmail(createElement(ResetPasswordEmail, props))),
  };
}

export async function passwordChangedMessage(props: PasswordChangedEmailProps): Promise<RenderedMessage> {
  return {
    subject: 'Your Laurel password was changed',
    ...(await renderEmail(createElement(PasswordChangedEmail, props))),
  };
}
