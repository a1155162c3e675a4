import { Heading, Hr, Img, Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { NOTIFICATION_LABELS } from '@/lib/notifications/kinds';
import { ActionButton, EmailFrame, UnsubscribeLink } from './email-frame';
import { muted, paragraph, rule, title } from './email-styles';

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
    <EmailFrame preview={heading}>
      <Text style={greeting}>Hi {recipientName},</Text>
      <Heading as="h1" style={badgeTitle}>
        {heading}
      </Heading>
      <Section style={badgeSection}>
        <Img src={badgeImageUrl} alt={badgeName} width="160" height="160" style={badgeImage} />
      </Section>
      <Text style={paragraph}>{badgeDescription}</Text>
      {expiresAt ? (
        <Text style={muted}>This badge is valid until {dateFormat.format(expiresAt)}.</Text>
      ) : null}
      <ActionButton href={claimUrl}>Claim your badge</ActionButton>
      <Hr style={rule} />
      <Text style={muted}>
        This link works once and expires in {days}. If you did not expect this email, you can safely ignore
        it.
      </Text>
      <UnsubscribeLink kind={NOTIFICATION_LABELS.badge_awarded.about} />
    </EmailFrame>
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

const greeting: CSSProperties = { color: '#18181b', fontSize: '16px', lineHeight: '24px', margin: '0 0 8px' };
// More room under the heading than the other emails, to separate it from the badge image.
const badgeTitle: CSSProperties = { ...title, margin: '0 0 24px' };
const badgeSection: CSSProperties = { textAlign: 'center', margin: '0 0 24px' };
const badgeImage: CSSProperties = { display: 'block', margin: '0 auto', width: '160px', height: '160px' };
