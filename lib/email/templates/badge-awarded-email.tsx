import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import type { CSSProperties } from 'react';

export type BadgeAwardedEmailProps = {
  recipientName: string;
  badgeName: string;
  badgeDescription: string;
  badgeImageUrl: string;
  issuerName: string;
  claimUrl: string;
  expiresAt?: Date | null;
  tokenExpiresInDays: number;
};

// Fixed locale and time zone so the date reads the same whichever server renders it.
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export function BadgeAwardedEmail({
  recipientName,
  badgeName,
  badgeDescription,
  badgeImageUrl,
  issuerName,
  claimUrl,
  expiresAt,
  tokenExpiresInDays,
}: BadgeAwardedEmailProps) {
  const heading = `You've earned the ${badgeName} badge from ${issuerName}`;
  const days = tokenExpiresInDays === 1 ? '1 day' : `${tokenExpiresInDays} days`;

  return (
    <Html lang="en">
      <Head />
      <Preview>{heading}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={greeting}>Hi {recipientName},</Text>
          <Heading as="h1" style={title}>
            {heading}
          </Heading>
          <Section style={badgeSection}>
            <Img src={badgeImageUrl} alt={badgeName} width="160" height="160" style={badgeImage} />
          </Section>
          <Text style={paragraph}>{badgeDescription}</Text>
          {expiresAt ? (
            <Text style={muted}>This badge is valid until {dateFormat.format(expiresAt)}.</Text>
          ) : null}
          <Section style={buttonSection}>
            <Button href={claimUrl} style={button}>
              Claim your badge
            </Button>
          </Section>
          <Text style={muted}>
            If the button does not work, copy this link into your browser:{' '}
            <Link href={claimUrl} style={link}>
              {claimUrl}
            </Link>
          </Text>
          <Hr style={rule} />
          <Text style={muted}>
            This link works once and expires in {days}. If you did not expect this email, you can safely
            ignore it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

BadgeAwardedEmail.PreviewProps = {
  recipientName: 'Amara Okafor',
  badgeName: 'Data Literacy Foundations',
  badgeDescription:
    'Awarded for completing the six-week Data Literacy Foundations course, including a final project analysing a public data set.',
  badgeImageUrl: 'https://laurel.example.com/badges/data-literacy-foundations.png',
  issuerName: 'Northbridge Community College',
  claimUrl: 'https://laurel.example.com/claim/3f9c2a7e8b1d4c6fa0e5b7d9c1e3a5f7',
  expiresAt: new Date('2027-06-30T00:00:00Z'),
  tokenExpiresInDays: 14,
} satisfies BadgeAwardedEmailProps;

const fontFamily = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const body: CSSProperties = { backgroundColor: '#f4f4f5', fontFamily, margin: 0, padding: '24px 0' };
const container: CSSProperties = {
  backgroundColor: '#ffffff',
  borderRadius: '8px',
  margin: '0 auto',
  maxWidth: '560px',
  padding: '32px',
};
const greeting: CSSProperties = { color: '#18181b', fontSize: '16px', lineHeight: '24px', margin: '0 0 8px' };
const title: CSSProperties = { color: '#18181b', fontSize: '24px', lineHeight: '32px', margin: '0 0 24px' };
const badgeSection: CSSProperties = { textAlign: 'center', margin: '0 0 24px' };
const badgeImage: CSSProperties = { display: 'block', margin: '0 auto', width: '160px', height: '160px' };
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
