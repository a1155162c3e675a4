import 'server-only';
import { ImageResponse } from 'next/og';
import type { Executor } from '@/db/client';
import { awardStatus, type PublicAward } from '@/lib/badges/public-award';
import { findImage } from '@/lib/images/store';

export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

const ink = '#0f3d22';
const muted = '#44403c';

/**
 * The link preview of a public badge (og:image), as PNG bytes. Rendered with the font bundled
 * with next/og, so it needs no network; emoji are dropped because drawing them would fetch them.
 */
export async function renderBadgePreview(db: Executor, found: PublicAward): Promise<ArrayBuffer> {
  const { award, template, issuer } = found;
  const image = await badgeImageDataUrl(db, template);
  const status = awardStatus(award);
  const badgeName = plain(template.name, 90);
  const response = new ImageResponse(
    <div
      style={{
        ...PREVIEW_SIZE,
        display: 'flex',
        flexDirection: 'column',
        background: '#ffffff',
        color: ink,
      }}
    >
      <div style={{ display: 'flex', flex: 1, alignItems: 'center', gap: 56, padding: '48px 64px' }}>
        {image ? (
          // biome-ignore lint/performance/noImgElement: satori draws plain img elements
          <img src={image} alt="" width={340} height={340} style={{ objectFit: 'contain' }} />
        ) : null}
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1, gap: 20 }}>
          <div style={{ display: 'flex', fontSize: 34, color: muted }}>
            {plain(found.earnerName, 60)} earned
          </div>
          <div style={{ display: 'flex', fontSize: badgeName.length > 40 ? 56 : 72, lineHeight: 1.1 }}>
            {badgeName}
          </div>
          <div style={{ display: 'flex', fontSize: 34, color: muted }}>
            Issued by {plain(issuer.name, 60)}
          </div>
          {status.kind === 'valid' ? null : (
            <div
              style={{
                display: 'flex',
                alignSelf: 'flex-start',
                padding: '6px 18px',
                borderRadius: 8,
                fontSize: 30,
                color: '#ffffff',
                background: status.kind === 'revoked' ? '#991b1b' : '#92400e',
              }}
            >
              {status.kind === 'revoked' ? 'Revoked' : 'Expired'}
            </div>
          )}
        </div>
      </div>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '24px 64px',
          background: ink,
          color: '#ffffff',
        }}
      >
        <div style={{ display: 'flex', fontSize: 44, letterSpacing: 1 }}>Laurel</div>
        <div style={{ display: 'flex', fontSize: 28 }}>Open Badges credential</div>
      </div>
    </div>,
    {
      ...PREVIEW_SIZE,
    },
  );
  return response.arrayBuffer();
}

/** The template's PNG rendering (satori cannot draw every stored format) as a data: URL. */
async function badgeImageDataUrl(db: Executor, template: PublicAward['template']) {
  const stored = await findImage(db, template.pngImageId ?? template.imageId);
  if (!stored || stored.contentType === 'image/webp') return null;
  return `data:${stored.contentType};base64,${Buffer.from(stored.bytes).toString('base64')}`;
}

function plain(text: string, max: number) {
  const cleaned = text
    .replace(/\p{Extended_Pictographic}|\u200d|\ufe0f/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1).trimEnd()}…` : cleaned;
}
