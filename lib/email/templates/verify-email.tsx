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

export type VerifyEmailEmailProps = {
  name: string;
  verifyUrl: string;
};

export function VerifyEmailEmail({ name, verifyUrl }: VerifyEmailEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Confirm your email address for Laurel</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={paragraph}>Hi {name},</Text>
          <Heading as="h1" style={title}>
            Confirm your email address for Laurel
          </Heading>
          <Text style={paragraph}>
            Confirm this address so your badges can reach you and you can sign in to your wallet.
          </Text>
          <Section style={buttonSection}>
            <Button href={verifyUrl} style={button}>
              Confirm email address
            </Button>
          </Section>
          <Text style={muted}>
            If the button does not work, copy this link into your browser:{' '}
            <Link href={verifyUrl} style={link}>
              {verifyUrl}
            </Link>
          </Text>
          <Hr style={rule} />
          <Text style={muted}>
            This link expires in 24 hours. If you did not create a Laurel account, you can safely ignore this
            email.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

VerifyEmailEmail.PreviewProps = {
  name: 'Amara Okafor',
  verifyUrl: 'https://laurel.example.com/verify-email?token=8d2f4b6a1c3e5f7092a4b6c8d0e2f4a6',
} satisfies VerifyEmailEmailProps;

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
