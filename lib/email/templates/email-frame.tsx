import { Body, Button, Container, Head, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { UNSUBSCRIBE_PLACEHOLDER } from '@/lib/notifications/kinds';
import { body, button, buttonSection, container, link, muted } from './email-styles';

type EmailFrameProps = {
  preview: string;
  /** The document's title, for clients that show one and for screen readers; the preview by default. */
  title?: string;
  children: ReactNode;
};

/**
 * The outer shell every Laurel email shares: document with a title, preview line and centred card.
 * The card is the main landmark, so the whole message is in one region for screen readers (the
 * preview line is hidden from everyone but the inbox list).
 */
export function EmailFrame({ preview, title = preview, children }: EmailFrameProps) {
  return (
    <Html lang="en">
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={body}>
        <main>
          <Container style={container}>{children}</Container>
        </main>
      </Body>
    </Html>
  );
}

type ActionButtonProps = {
  href: string;
  children: ReactNode;
};

/** A centred call-to-action button, followed by the same link in plain text for clients that drop buttons. */
export function ActionButton({ href, children }: ActionButtonProps) {
  return (
    <>
      <Section style={buttonSection}>
        <Button href={href} style={button}>
          {children}
        </Button>
      </Section>
      <Text style={muted}>
        If the button does not work, copy this link into your browser:{' '}
        <Link href={href} style={link}>
          {href}
        </Link>
      </Text>
    </>
  );
}

/** The footer of every email a learner can turn off; the outbox fills in the recipient's own link. */
export function UnsubscribeLink({ kind }: { kind: string }) {
  return (
    <Text style={muted}>
      Do not want emails when {kind}?{' '}
      <Link href={UNSUBSCRIBE_PLACEHOLDER} style={link}>
        Unsubscribe from these emails
      </Link>{' '}
      (or change what we send in your Laurel settings).
    </Text>
  );
}
