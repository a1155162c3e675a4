import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { CSSProperties } from 'react';

export type ResetPasswordEmailProps = {
  name: string;
  resetUrl: string;
};

export function ResetPasswordEmail({ name, resetUrl }: ResetPasswordEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Reset your Laurel password</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={paragraph}>Hi {name},</Text>
          <Heading as="h1" style={title}>
            Reset your Laurel password
          </Heading>
          <Text style={paragraph}>
            Someone asked to reset the password for your Laurel account. Choose a new one with the button
            below.
          </Text>
          <Section style={buttonSection}>
            <Button href={resetUrl} style={button}>
              Choose a new password
            </Button>
          </Section>
          <Text style={muted}>
            If the button does not work, copy this link into your browser:{' '}
            <Link href={resetUrl} style={link}>
              {resetUrl}
            </Link>
          </Text>
          <Hr style={rule} />
          <Text style={muted}>
            This link expires in 1 hour. If you did not ask to reset your password, you can ignore this email;
            your password will not change.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

ResetPasswordEmail.PreviewProps = {
  name: 'Amara Okafor',
  resetUrl: 'https://laurel.example.com/reset-password?token=c4e6a8b0d2f41a3c5e7092b4d6f8a0c2',
} satisfies ResetPasswordEmailProps;

const fontFamily = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const body: CSSProperties = { backgroundColor: '#f4f4f5', fontFamily, margin: 0, padding: '24px 0' };
const container: CSSProperties = {
  backgroundColor: '#ffffff',
  borderRadius: '8px',
  margin: '0 auto',
  maxWidth: '560px',
  padding: '32px',
};
const title: CSSProperties = { color: '#18181b', fontSize: '24px', lineHeight: '32px', margin: '0 0 16px' };
const paragraph: CSSProperties = {
  color: '#27272a',
  fontSize: '16px',
  lineHeight: '24px',
  margin: '0 0 16px',
};
const muted: CSSProperties = { color: '#52525b', fontSize: '14px', lineHeight: '22px', margin: '0 0 12px' };
const buttonSection: CSSProperties = { textAlign: 'center', margin: '24px 0' };
const button: CSSProperties = {
  backgroundColor: '#1e3a8a',
  borderRadius: '6px',
  color: '#ffffff',
  fontSize: '16px',
  fontWeight: 600,
  padding: '14px 28px',
  textDecoration: 'none',
};
const link: CSSProperties = { color: '#1e3a8a', textDecoration: 'underline', wordBreak: 'break-all' };
const rule: CSSProperties = { borderColor: '#e4e4e7', margin: '24px 0' };
