import { Heading, Hr, Text } from '@react-email/components';
import { ActionButton, EmailFrame } from './email-frame';
import { muted, paragraph, rule, title } from './email-styles';

export type AccountDeletionEmailProps = {
  name: string;
  /** When the deletion becomes final, already written for people ("10 March 2026"). */
  finalOn: string;
  /** Signing in before then cancels the deletion. */
  signInUrl: string;
};

export function AccountDeletionEmail({ name, finalOn, signInUrl }: AccountDeletionEmailProps) {
  return (
    <EmailFrame preview={`Your Laurel account will be deleted on ${finalOn}`}>
      <Text style={paragraph}>Hi {name},</Text>
      <Heading as="h1" style={title}>
        Your Laurel account will be deleted on {finalOn}
      </Heading>
      <Text style={paragraph}>
        You asked to delete your Laurel account. Your badges and your public profile are hidden already, and
        you have been signed out everywhere.
      </Text>
      <Text style={paragraph}>
        On {finalOn} your name, email addresses, photo and profile are erased for good. Your badges go back to
        their issuers as unclaimed, and the issuers are told.
      </Text>
      <Text style={paragraph}>Changed your mind? Sign in before then and nothing is deleted.</Text>
      <ActionButton href={signInUrl}>Sign in to keep my account</ActionButton>
      <Hr style={rule} />
      <Text style={muted}>If you did not ask for this, sign in now and change your password.</Text>
    </EmailFrame>
  );
}

AccountDeletionEmail.PreviewProps = {
  name: 'Amara Okafor',
  finalOn: '10 March 2026',
  signInUrl: 'https://laurel.example.com/sign-in',
} satisfies AccountDeletionEmailProps;
