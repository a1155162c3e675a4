import { NotFoundPage } from '@/components/layout/not-found-page';

/** notFound() in any session-aware page without a 404 of its own. */
export default function SiteNotFound() {
  return <NotFoundPage />;
}
