import { Heading, Hr, Text } from '@react-email/components';
import { ActionButton, EmailFrame } from './email-frame';
import { muted, paragraph, rule, title } from './email-styles';

export type VerifyEmailEmailProps = {
  name: string;
  verifyUrl: string;
};

export function VerifyEmailEmail({ name, verifyUrl }: VerifyEmailEmailProps) {
  return (
    <EmailFrame preview="Confirm your email address for Laurel">
      <Text style={paragraph}>Hi {name},</Text>
      <Heading as="h1" style={title}>
        Confirm your email address for Laurel
      </Heading>
      <Text style={paragraph}>
        Confirm this address so your badges can reach you and you can sign in to your wallet.
      </Text>
      <ActionButton href={verifyUrl}>Confirm email address</ActionButton>
      <Hr style={rule} />
      <Text style={muted}>
        This link expires in 24 hours. If you did not create a Laurel account, you can safely ignore this
        email.
      </Text>
    </EmailFrame>
  );
}

VerifyEmailEmail.PreviewProps = {
  name: 'Amara Okafor',
  verifyUrl: 'https://laurel.example.com/verify-email?token=8d2f4b6a1c3e5f7092a4b6c8d0e2f4a6',
} satisfies VerifyEmailEmailProps;
