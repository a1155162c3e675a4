import { Heading, Hr, Text } from '@react-email/components';
import { ActionButton, EmailFrame } from './email-frame';
import { muted, paragraph, rule, title } from './email-styles';

export type ResetPasswordEmailProps = {
  name: string;
  resetUrl: string;
};

export function ResetPasswordEmail({ name, resetUrl }: ResetPasswordEmailProps) {
  return (
    <EmailFrame preview="Reset your Laurel password">
      <Text style={paragraph}>Hi {name},</Text>
      <Heading as="h1" style={title}>
        Reset your Laurel password
      </Heading>
      <Text style={paragraph}>
        Someone asked to reset the password for your Laurel account. Choose a new one with the button below.
      </Text>
      <ActionButton href={resetUrl}>Choose a new password</ActionButton>
      <Hr style={rule} />
      <Text style={muted}>
        This link expires in 1 hour. If you did not ask to reset your password, you can ignore this email;
        your password will not change.
      </Text>
    </EmailFrame>
  );
}

ResetPasswordEmail.PreviewProps = {
  name: 'Amara Okafor',
  resetUrl: 'https://laurel.example.com/reset-password?token=c4e6a8b0d2f41a3c5e7092b4d6f8a0c2',
} satisfies ResetPasswordEmailProps;
