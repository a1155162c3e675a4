import { AWARD_EVENT_LABELS, type AwardWithHistory } from '@/lib/awards/history';

// Minutes matter in a history (opened, then accepted); UTC so every reader sees the same time.
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** The award's steps, oldest first: what happened in words, its detail, and when. */
export function AwardHistory({ events }: { events: AwardWithHistory['events'] }) {
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-3">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      {events.length === 0 ? (
        <p className="text-stone-700">
          Nothing recorded: this award was made before Laurel kept award history.
        </p>
      ) : (
        <ol aria-labelledby="history-heading" className="flex flex-col border-l-2 border-stone-300">
          {events.map((event) => (
            <li key={event.id} className="relative py-2 pl-4" data-testid="history-step">
              <p className="font-medium">{AWARD_EVENT_LABELS[event.kind]}</p>
              {event.detail ? <p className="break-words text-sm text-stone-800">{event.detail}</p> : null}
              <p className="text-xs text-stone-700">
                <time dateTime={event.at.toISOString()}>{timeFormat.format(event.at)} UTC</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
