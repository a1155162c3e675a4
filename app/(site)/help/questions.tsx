import Link from 'next/link';
import type { ReactNode } from 'react';

export type HelpQuestion = {
  id: string;
  question: string;
  answer: ReactNode;
};

const link = 'font-medium text-brand-800 underline hover:text-brand-900';

export const helpQuestions: HelpQuestion[] = [
  {
    id: 'claim',
    question: 'How do I claim a badge?',
    answer: (
      <>
        <p>
          When an issuer awards you a badge, you get an email with a claim link. Follow it, then create a
          Laurel account or sign in to the one you have. You will see the badge and can accept it into your
          wallet or decline it.
        </p>
        <p>
          A claim link works once and expires after 30 days. If yours has been used or has expired, ask the
          issuer to resend the badge.
        </p>
      </>
    ),
  },
  {
    id: 'different-email',
    question: 'The email went to a different address than my account',
    answer: (
      <p>
        That is fine. Open the claim link, sign in with the account you normally use, and accept the badge.
        The address the badge was sent to is then added to your account as a verified secondary email, so
        future badges sent there reach the same wallet.
      </p>
    ),
  },
  {
    id: 'visibility',
    question: 'Who can see my badges?',
    answer: (
      <>
        <p>
          You decide, one badge at a time. A public badge has a page anyone with the link can open. A private
          badge is visible only to you.
        </p>
        <p>
          You choose when you accept a badge, and can switch it at any time from your wallet. Your profile
          page (/u/your-handle) has its own setting in Settings: it is private until you make it public, and
          it only ever lists your public badges.
        </p>
      </>
    ),
  },
  {
    id: 'share',
    question: 'How do I share a badge?',
    answer: (
      <>
        <p>Open a public badge in your wallet and choose how to share it:</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            LinkedIn: add it to the Licenses &amp; certifications section of your profile, or post about it
          </li>
          <li>X or Facebook: post a link to the badge&apos;s public page</li>
          <li>Email: send the link to anyone</li>
          <li>Embed: paste a snippet into your website or portfolio</li>
          <li>Email signature: add the badge under your name</li>
          <li>QR code: print it on a CV or poster; it opens the badge&apos;s page</li>
        </ul>
        <p>
          A private badge has to be made public before it can be shared; the share panel offers to do that for
          you. Laurel counts views, verifications and shares for you, and stores nothing about who looked.
        </p>
      </>
    ),
  },
  {
    id: 'verify',
    question: 'How does verification work?',
    answer: (
      <p>
        Every public badge page has a Verify button. Pressing it checks the badge against the record the
        issuer hosts, right then: that the badge has not been revoked, has not expired, and was awarded to the
        person it claims. You see the result straight away, with no account needed.
      </p>
    ),
  },
  {
    id: 'download',
    question: 'Can I download my badges?',
    answer: (
      <p>
        Yes. Download the image as PNG or SVG with the Open Badges metadata baked into the file, so the proof
        travels with the picture. You can also download the badge&apos;s metadata on its own as JSON.
      </p>
    ),
  },
  {
    id: 'opt-out',
    question: 'Can I opt out of achievements?',
    answer: (
      <p>
        Yes. In Settings, tick &ldquo;I do not want to participate in achievements&rdquo;. While you are opted
        out, you get no badge emails, new awards are recorded as opted out and never shown, badges waiting for
        your decision are hidden, and your public profile is hidden. Badges you already accepted stay as they
        are. Untick it at any time to take part again.
      </p>
    ),
  },
  {
    id: 'delete-account',
    question: 'How do I delete my account?',
    answer: (
      <p>
        In Settings, under &ldquo;Delete your account&rdquo;, enter your password and confirm. Your badges and
        public profile disappear at once and you are signed out. Seven days later your name, email addresses,
        photo and profile are erased, and your badges go back to their issuers as unclaimed (the issuers are
        told). Changed your mind? Sign in within those seven days and everything is as before.
      </p>
    ),
  },
  {
    id: 'cost',
    question: 'Does it cost anything?',
    answer: <p>No. Laurel is free for learners.</p>,
  },
  {
    id: 'forgot-password',
    question: 'I forgot my password',
    answer: (
      <p>
        Go to{' '}
        <Link href="/forgot-password" className={link}>
          reset your password
        </Link>{' '}
        and enter the email address on your account. We will send you a link to choose a new one.
      </p>
    ),
  },
  {
    id: 'no-email',
    question: "I didn't get the email",
    answer: (
      <p>
        Check your spam or junk folder first, and search for the issuer&apos;s name. If it is not there, ask
        the issuer to resend the badge, and make sure they have the right address for you.
      </p>
    ),
  },
];
