import { NotFoundPage } from '@/components/layout/not-found-page';

/** notFound() in any public page without a 404 of its own (an unknown occupation, via /missing). */
export default function PublicNotFound() {
  return <NotFoundPage />;
}
