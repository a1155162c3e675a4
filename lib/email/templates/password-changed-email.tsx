import { Heading, Hr, Text } from '@react-email/components';
import { ActionButton, EmailFrame } from './email-frame';
import { muted, paragraph, rule, title } from './email-styles';

export type PasswordChangedEmailProps = {
  name: string;
  /** When it changed, already written for people ("3 March 2026"). */
  changedOn: string;
  /** Where to choose a new password if the change was not theirs. */
  forgotPasswordUrl: string;
};

export function PasswordChangedEmail({ name, changedOn, forgotPasswordUrl }: PasswordChangedEmailProps) {
  return (
    <EmailFrame preview="Your Laurel password was changed">
      <Text style={paragraph}>Hi {name},</Text>
      <Heading as="h1" style={title}>
        Your Laurel password was changed
      </Heading>
      <Text style={paragraph}>
        The password for your Laurel account was changed on {changedOn}, from your account's Settings page.
        Every other device and browser that was signed in has been signed out.
      </Text>
      <Text style={paragraph}>If it was you, there is nothing more to do.</Text>
      <Text style={paragraph}>
        If it was not you, someone may have your password. Choose a new one now: it signs everyone else out.
      </Text>
      <ActionButton href={forgotPasswordUrl}>Choose a new password</ActionButton>
      <Hr style={rule} />
      <Text style={muted}>We send this email every time your password changes, so you always know.</Text>
    </EmailFrame>
  );
}

PasswordChangedEmail.PreviewProps = {
  name: 'Amara Okafor',
  changedOn: '3 March 2026',
  forgotPasswordUrl: 'https://laurel.example.com/forgot-password',
} satisfies PasswordChangedEmailProps;
