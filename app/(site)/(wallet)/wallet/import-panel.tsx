'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ImportOutcome } from '@/lib/imports/import-badge';
import { MAX_FILE_BYTES, MAX_FILES_PER_DROP } from '@/lib/imports/limits';
import { importBadgeAction } from './import-actions';

type Step = 'reading' | 'verifying' | ImportOutcome['status'] | 'error';
type Row = { key: number; label: string; step: Step; message?: string; href?: string };

const stepWords: Record<Step, string> = {
  reading: 'Reading…',
  verifying: 'Verifying with its issuer…',
  added: 'Added',
  duplicate: 'Already in your wallet',
  needs_address: 'Needs an address',
  refused: 'Not added',
  error: 'Not added',
};
const stepTone: Record<Step, string> = {
  reading: 'text-stone-700',
  verifying: 'text-stone-700',
  added: 'text-green-800',
  duplicate: 'text-stone-800',
  needs_address: 'text-amber-900',
  refused: 'text-red-800',
  error: 'text-red-800',
};

function rowFor(outcome: ImportOutcome): Pick<Row, 'step' | 'message' | 'href'> {
  if (outcome.status === 'added') {
    const message = {
      verified: `${outcome.name} is in your wallet, verified.`,
      unverified: `${outcome.name} is in your wallet as unverified: its issuer could not be reached, so Laurel will try again.`,
      expired: `${outcome.name} is in your wallet as an expired badge: it is genuine, but past the expiry date its issuer set.`,
    }[outcome.state];
    return { step: 'added', message, href: `/wallet/imported/${outcome.id}` };
  }
  if (outcome.status === 'duplicate') {
    return {
      step: 'duplicate',
      message: `${outcome.name} is already in your wallet.`,
      href: `/wallet/imported/${outcome.id}`,
    };
  }
  if (outcome.status === 'needs_address') {
    return { step: 'needs_address', message: outcome.message, href: '/settings#email-addresses' };
  }
  return { step: 'refused', message: outcome.message };
}

/**
 * "Add a badge you earned elsewhere": files dropped or chosen (several at once) and a pasted web
 * address or text, each sent on its own request and shown as a row that says how it went.
 */
export function ImportPanel() {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>([]);
  const [text, setText] = useState('');
  const [isOver, setIsOver] = useState(false);
  const [notice, setNotice] = useState('');
  const nextKey = useRef(0);
  const queue = useRef(Promise.resolve());
  const fileId = useId();
  const textId = useId();
  const hintId = useId();

  const update = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  function add(label: string, form: FormData) {
    const key = nextKey.current++;
    setRows((all) => [...all, { key, label, step: 'reading' }]);
    // One item at a time, in order: the list reads top to bottom as the work happens.
    queue.current = queue.current.then(async () => {
      update(key, { step: 'verifying' });
      try {
        const result = await importBadgeAction({ status: 'idle' }, form);
        if (result.status === 'done') {
          update(key, rowFor(result.outcome));
          if (result.outcome.status === 'added') router.refresh();
        } else if (result.status === 'error') update(key, { step: 'error', message: result.message });
      } catch {
        update(key, {
          step: 'error',
          message: 'That could not be sent. Check your connection and try again.',
        });
      }
    });
  }

  function addFiles(files: FileList | File[]) {
    const list = [...files];
    const taken = list.slice(0, MAX_FILES_PER_DROP);
    setNotice(
      list.length > taken.length
        ? `Only the first ${MAX_FILES_PER_DROP} files were taken; add the others afterwards.`
        : '',
    );
    for (const file of taken) {
      if (file.size > MAX_FILE_BYTES) {
        const key = nextKey.current++;
        const message =
          'That file is larger than 5 MB. Badge files are much smaller; check you chose the right one.';
        setRows((all) => [...all, { key, label: file.name, step: 'error', message }]);
        continue;
      }
      const form = new FormData();
      form.set('file', file);
      add(file.name, form);
    }
  }

  return (
    <section
      aria-labelledby="import-heading"
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-4 sm:p-6"
    >
      <h2 id="import-heading" className="text-xl font-semibold">
        Add a badge you earned elsewhere
      </h2>
      <p id={hintId} className="text-stone-700">
        Badge images (PNG or SVG with the badge inside), Open Badges 2.0 or 3.0 JSON, a JWT or a CLR 2.0
        transcript. Laurel checks each with its issuer before adding it; the badge must be addressed to an
        email address verified on your account.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut for mouse users; the file input inside is the keyboard and screen-reader path */}
      <div
        className={`flex flex-col items-start gap-2 rounded-md border-2 border-dashed p-4 ${isOver ? 'border-brand-600 bg-stone-50' : 'border-stone-400'}`}
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setIsOver(false);
          addFiles(event.dataTransfer.files);
        }}
      >
        <label htmlFor={fileId} className="font-medium">
          Drop badge files here, or choose them
        </label>
        <input
          id={fileId}
          type="file"
          multiple
          aria-describedby={hintId}
          accept=".png,.svg,.json,.jsonld,.jwt,.txt,image/png,image/svg+xml,application/json,application/ld+json"
          className="max-w-full text-sm"
          onChange={(event) => {
            if (event.target.files) addFiles(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const value = text.trim();
          if (!value) return;
          const form = new FormData();
          form.set('text', value);
          add(/^https?:\/\//i.test(value) ? value : 'Pasted text', form);
          setText('');
        }}
      >
        <label htmlFor={textId} className="font-medium">
          Or paste a badge's web address, its JSON or its JWT
        </label>
        <textarea
          id={textId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={3}
          maxLength={1_048_576}
          className="rounded-md border border-stone-500 p-2 font-mono text-sm"
        />
        <div>
          <Button type="submit">Add this badge</Button>
        </div>
      </form>
      <p role="status" aria-live="polite" className="text-sm text-amber-900">
        {notice}
      </p>
      {rows.length > 0 ? (
        <div className="flex flex-col gap-2">
          <h3 className="font-semibold">Progress</h3>
          <ul aria-live="polite" aria-relevant="text" className="flex flex-col gap-2">
            {rows.map((row) => (
              <li
                key={row.key}
                className="flex flex-col gap-1 rounded-md border border-stone-200 p-3"
                data-step={row.step}
              >
                <span className="font-medium [overflow-wrap:anywhere]">{row.label}</span>
                <span className={`text-sm font-semibold ${stepTone[row.step]}`}>{stepWords[row.step]}</span>
                {row.message ? <span className="text-sm [overflow-wrap:anywhere]">{row.message}</span> : null}
                {row.href ? (
                  <Link href={row.href} className="text-sm font-medium underline">
                    {row.step === 'needs_address' ? 'Add the address in Settings' : 'Open it in your wallet'}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
