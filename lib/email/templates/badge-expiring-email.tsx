import { Heading, Hr, Text } from '@react-email/components';
import { NOTIFICATION_LABELS } from '@/lib/notifications/kinds';
import { ActionButton, EmailFrame, UnsubscribeLink } from './email-frame';
import { muted, paragraph, rule, title } from './email-styles';

export const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export type BadgeExpiringEmailProps = {
  recipientName: string;
  badgeName: string;
  issuerName: string;
  expiresAt: Date;
  badgeUrl: string;
};

/** Sent once, 30 days before an accepted badge expires (lib/notifications/expiry-reminders.ts). */
export function BadgeExpiringEmail({
  recipientName,
  badgeName,
  issuerName,
  expiresAt,
  badgeUrl,
}: BadgeExpiringEmailProps) {
  const heading = `Your ${badgeName} badge expires on ${dateFormat.format(expiresAt)}`;
  return (
    <EmailFrame preview={heading}>
      <Text style={paragraph}>Hi {recipientName},</Text>
      <Heading as="h1" style={title}>
        {heading}
      </Heading>
      <Text style={paragraph}>
        After that day, anyone who views or verifies the badge will see that it has expired. If {issuerName}{' '}
        offers a renewal, now is a good time to ask about it.
      </Text>
      <ActionButton href={badgeUrl}>See the badge in your wallet</ActionButton>
      <Hr style={rule} />
      <Text style={muted}>We send this reminder once per badge.</Text>
      <UnsubscribeLink kind={NOTIFICATION_LABELS.badge_expiring.about} />
    </EmailFrame>
  );
}

BadgeExpiringEmail.PreviewProps = {
  recipientName: 'Amara Okafor',
  badgeName: 'Data Literacy Foundations',
  issuerName: 'Northbridge Community College',
  expiresAt: new Date('2027-03-01T00:00:00Z'),
  badgeUrl: 'https://laurel.example/wallet/4b8c5a9e-0000-4000-8000-000000000000',
} satisfies BadgeExpiringEmailProps;
