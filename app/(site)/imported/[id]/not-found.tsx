import { BadgeNotShared } from '@/components/layout/badge-not-shared';

export default function ImportedBadgeNotShared() {
  return <BadgeNotShared />;
}
