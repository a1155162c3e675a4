import { BadgeNotShared } from '@/components/layout/badge-not-shared';

/** A badge that is not public (any more), on its page or its verify page. */
export default function BadgeNotFound() {
  return <BadgeNotShared />;
}
