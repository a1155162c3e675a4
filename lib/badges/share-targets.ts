import { ob2Urls } from '@/lib/openbadges/ob2/urls';
import {
  emailShareUrl,
  facebookShareUrl,
  linkedInAddToProfileUrl,
  linkedInPostUrl,
  type ShareableBadge,
  xPostUrl,
} from '@/lib/share/links';
import { qrCodeSvg } from '@/lib/share/qr';
import { emailSignatureSnippet, embedSnippet } from '@/lib/share/snippets';

type BadgeFacts = {
  awardId: string;
  badgeName: string;
  issuerName: string;
  earnerName: string;
  issuedAt: Date;
  expiresAt: Date | null;
};

export function shareableBadge(facts: BadgeFacts, appUrl: string): ShareableBadge {
  const urls = ob2Urls(appUrl);
  return {
    ...facts,
    publicUrl: urls.badgePage(facts.awardId),
    imagePngUrl: urls.bakedPng(facts.awardId),
    embedUrl: `${urls.badgePage(facts.awardId)}/embed`,
  };
}

/** The social links visitors also get on the public page. */
export function socialLinks(b: ShareableBadge) {
  return [
    { label: 'Post on LinkedIn', href: linkedInPostUrl(b) },
    { label: 'Post on X', href: xPostUrl(b) },
    { label: 'Share on Facebook', href: facebookShareUrl(b) },
    { label: 'Send by email', href: emailShareUrl(b) },
  ];
}

/** Everything the owner's share panel offers. */
export async function shareTargets(b: ShareableBadge) {
  const qr = await qrCodeSvg(b.publicUrl);
  return {
    publicUrl: b.publicUrl,
    links: [{ label: 'Add to LinkedIn profile', href: linkedInAddToProfileUrl(b) }, ...socialLinks(b)],
    embed: embedSnippet(b),
    signature: emailSignatureSnippet(b),
    qrSvg: `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}`,
  };
}
