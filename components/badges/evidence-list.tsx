import type { Evidence } from '@/db/schema';

export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <section>
      <h3 className="font-semibold">Evidence</h3>
      <ul className="list-disc pl-5">
        {evidence.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: evidence has no id and never reorders
          <li key={i}>
            {e.narrative ? <span>{e.narrative} </span> : null}
            {e.url ? (
              <a
                href={e.url}
                className="underline [overflow-wrap:anywhere]"
                rel="noopener noreferrer nofollow"
              >
                {e.url}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
