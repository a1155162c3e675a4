import { Heading, Hr, Link, Section, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import { NOTIFICATION_LABELS } from '@/lib/notifications/kinds';
import { EmailFrame, UnsubscribeLink } from './email-frame';
import { link, muted, paragraph, rule, title } from './email-styles';

export type BadgeRevokedEmailProps = {
  recipientName: string;
  badgeName: string;
  issuerName: string;
  issuerEmail: string;
  reason: string;
  /** Accepted badges live on (marked revoked) in the wallet and on their page; others were never claimed. */
  wasAccepted: boolean;
};

export function BadgeRevokedEmail({
  recipientName,
  badgeName,
  issuerName,
  issuerEmail,
  reason,
  wasAccepted,
}: BadgeRevokedEmailProps) {
  const heading = `${issuerName} has revoked your ${badgeName} badge`;
  return (
    <EmailFrame preview={heading}>
      <Text style={paragraph}>Hi {recipientName},</Text>
      <Heading as="h1" style={title}>
        {heading}
      </Heading>
      <Text style={paragraph}>The reason {issuerName} gave:</Text>
      <Section style={quote}>
        <Text style={{ ...paragraph, margin: 0 }}>{reason}</Text>
      </Section>
      <Text style={paragraph}>
        {wasAccepted
          ? 'The badge is no longer valid. Anyone who views or verifies it will see that it was revoked, and why.'
          : 'The badge can no longer be claimed, and the claim link you were sent no longer works.'}
      </Text>
      <Text style={paragraph}>
        If you think this is a mistake, contact {issuerName} at{' '}
        <Link href={`mailto:${issuerEmail}`} style={link}>
          {issuerEmail}
        </Link>
        .
      </Text>
      <Hr style={rule} />
      <Text style={muted}>
        You are receiving this because {issuerName} awarded this badge to this address through Laurel.
      </Text>
      <UnsubscribeLink kind={NOTIFICATION_LABELS.badge_revoked.about} />
    </EmailFrame>
  );
}

BadgeRevokedEmail.PreviewProps = {
  recipientName: 'Amara Okafor',
  badgeName: 'Data Literacy Foundations',
  issuerName: 'Northbridge Community College',
  issuerEmail: 'badges@northbridge.example.edu',
  reason: 'Awarded to the wrong cohort: the final project was not submitted.',
  wasAccepted: true,
} satisfies BadgeRevokedEmailProps;

const quote: CSSProperties = {
  borderLeft: '4px solid #e4e4e7',
  margin: '0 0 16px',
  padding: '4px 0 4px 16px',
};
