import type { Award } from '@/db/schema';

type Status = { label: string; tone: string };

const TONES = {
  neutral: 'border-stone-300 bg-stone-100 text-stone-800',
  good: 'border-brand-200 bg-brand-50 text-brand-900',
  bad: 'border-red-300 bg-red-50 text-red-900',
};

/** One status per award, as the list filters them: revoked and expired win over the learner's answer. */
export function statusOf(award: Pick<Award, 'state' | 'revokedAt' | 'expiresAt'>, now = new Date()): Status {
  if (award.revokedAt) return { label: 'Revoked', tone: TONES.bad };
  if (award.expiresAt && award.expiresAt <= now) return { label: 'Expired', tone: TONES.neutral };
  if (award.state === 'accepted') return { label: 'Accepted', tone: TONES.good };
  if (award.state === 'declined') return { label: 'Declined', tone: TONES.neutral };
  if (award.state === 'opted_out') return { label: 'Not delivered (opted out)', tone: TONES.neutral };
  return { label: 'Pending', tone: TONES.neutral };
}

/** The status as a small labelled pill, never run together with the text around it. */
export function AwardStatus({ award }: { award: Pick<Award, 'state' | 'revokedAt' | 'expiresAt'> }) {
  const { label, tone } = statusOf(award);
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {label}
    </span>
  );
}
