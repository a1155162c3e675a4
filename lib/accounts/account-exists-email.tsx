import { Heading, Hr, Link, Text } from '@react-email/components';
import { createElement } from 'react';
import { type RenderedMessage, renderEmail } from '@/lib/email/render';
import { ActionButton, EmailFrame } from '@/lib/email/templates/email-frame';
import { link, muted, paragraph, rule, title } from '@/lib/email/templates/email-styles';

export type AccountExistsEmailProps = { signInUrl: string; resetUrl: string };

/** Sent instead of a second account, so the sign-up page never says an address is registered. */
export function AccountExistsEmail({ signInUrl, resetUrl }: AccountExistsEmailProps) {
  return (
    <EmailFrame preview="You already have a Laurel account">
      <Heading as="h1" style={title}>
        You already have a Laurel account
      </Heading>
      <Text style={paragraph}>
        Someone tried to create a Laurel account with this address, but it already has one. Sign in to it
        instead.
      </Text>
      <ActionButton href={signInUrl}>Sign in</ActionButton>
      <Text style={paragraph}>
        Forgot your password?{' '}
        <Link href={resetUrl} style={link}>
          Reset it
        </Link>
        .
      </Text>
      <Hr style={rule} />
      <Text style={muted}>If this was not you, you can ignore this email; nothing has changed.</Text>
    </EmailFrame>
  );
}

AccountExistsEmail.PreviewProps = {
  signInUrl: 'https://laurel.example.com/sign-in',
  resetUrl: 'https://laurel.example.com/forgot-password',
} satisfies AccountExistsEmailProps;

export async function accountExistsMessage(appUrl: string): Promise<RenderedMessage> {
  const props = { signInUrl: `${appUrl}/sign-in`, resetUrl: `${appUrl}/forgot-password` };
  return {
    subject: 'You already have a Laurel account',
    ...(await renderEmail(createElement(AccountExistsEmail, props))),
  };
}
