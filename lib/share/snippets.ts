import type { ShareableBadge } from './links';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe for both text and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

export function embedSnippet(b: ShareableBadge): string {
  const src = escapeHtml(b.embedUrl);
  const title = escapeHtml(`${b.badgeName} badge earned by ${b.earnerName}`);
  return `<iframe src="${src}" title="${title}" width="360" height="180" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

const TEXT_STYLE = 'font-family:Arial, sans-serif;font-size:13px;color:#1c1917';

/**
 * Mail clients drop <style> blocks and classes when a signature is pasted, so everything is a table with
 * inline styles, and the image size is repeated as attributes for Outlook, which ignores CSS sizes.
 */
export function emailSignatureSnippet(b: ShareableBadge): string {
  const href = escapeHtml(b.publicUrl);
  const name = escapeHtml(b.badgeName);
  const image =
    `<img src="${escapeHtml(b.imagePngUrl)}" width="48" height="48" alt="${name} badge" border="0"` +
    ' style="display:block;width:48px;height:48px;border:0" />';
  const imageCell = `<td style="padding:0 8px 0 0;vertical-align:middle"><a href="${href}">${image}</a></td>`;
  const textCell =
    `<td style="vertical-align:middle;${TEXT_STYLE}">` +
    `<a href="${href}" style="${TEXT_STYLE};font-weight:bold;text-decoration:none">${name}</a>` +
    `<br />Issued by ${escapeHtml(b.issuerName)}</td>`;
  return (
    '<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse">' +
    `<tr>${imageCell}${textCell}</tr></table>`
  );
}
