'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { Suggestion } from '@/lib/labor-market/pages/search';

type Answer = { query: string; hasData: boolean; suggestions: Suggestion[] };

export const exploreKeys = {
  all: ['labor-market'] as const,
  suggestions: (term: string) => [...exploreKeys.all, 'suggestions', term] as const,
};

const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;
const KIND_TEXT: Record<Suggestion['kind'], string> = {
  skill: 'Skill',
  occupation: 'Occupation',
  title: 'Job title',
};

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

async function fetchSuggestions(term: string, signal: AbortSignal): Promise<Answer> {
  const response = await fetch(`/api/search?q=${encodeURIComponent(term)}`, { signal });
  if (!response.ok) throw new Error(`Suggestions failed (${response.status})`);
  return (await response.json()) as Answer;
}

/**
 * The search box: an ARIA combobox (list autocomplete) whose suggestions come from /api/search
 * as you type. Arrow keys move through them, Enter opens one, Escape closes the list (and a
 * second Escape clears the box); Enter with none chosen submits the form for the full results.
 */
export function ExploreSearch({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState(initialQuery);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const term = useDebounced(text.trim(), DEBOUNCE_MS);
  const isEnabled = term.length >= MIN_LENGTH;
  const { data, isError } = useQuery({
    queryKey: exploreKeys.suggestions(term),
    queryFn: ({ signal }) => fetchSuggestions(term, signal),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const suggestions = isEnabled && text.trim().length >= MIN_LENGTH ? (data?.suggestions ?? []) : [];
  const isExpanded = isOpen && suggestions.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  // A new list starts with nothing chosen, so Enter submits what was typed.
  const [shownData, setShownData] = useState(data);
  if (shownData !== data) {
    setShownData(data);
    setActive(-1);
  }

  // Keep the chosen option in view when the list scrolls.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  function choose(suggestion: Suggestion) {
    setIsOpen(false);
    router.push(suggestion.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = suggestions.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      const isDown = event.key === 'ArrowDown';
      if (!isExpanded) {
        setIsOpen(true);
        setActive(isDown ? 0 : count - 1);
        return;
      }
      setActive((current) => (isDown ? (current + 1) % count : current <= 0 ? count - 1 : current - 1));
    } else if (event.key === 'Enter') {
      const chosen = isExpanded && active >= 0 ? suggestions[active] : undefined;
      if (chosen) {
        event.preventDefault();
        choose(chosen);
      }
    } else if (event.key === 'Escape') {
      if (isExpanded) {
        event.preventDefault();
        setIsOpen(false);
        setActive(-1);
      } else if (text) {
        event.preventDefault();
        setText('');
      }
    }
  }

  const status = isError
    ? 'Suggestions are not available right now; press Enter to search.'
    : isExpanded
      ? `${suggestions.length} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}. Use the up and down arrow keys to choose one.`
      : isEnabled && data && !data.suggestions.length
        ? 'No suggestions.'
        : '';

  return (
    <search className="max-w-2xl">
      <form action="/explore" method="get" className="flex flex-col gap-1">
        <label htmlFor={`${id}-input`} className="text-sm font-medium text-stone-900">
          Search skills, occupations and job titles
        </label>
        <div className="flex gap-2">
          <div className="relative flex-1">
            <input
              id={`${id}-input`}
              name="q"
              type="text"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={isExpanded}
              aria-controls={`${id}-listbox`}
              aria-activedescendant={isExpanded && active >= 0 ? optionId(active) : undefined}
              aria-describedby={`${id}-hint`}
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setIsOpen(true);
              }}
              onKeyDown={onKeyDown}
              onFocus={() => setIsOpen(true)}
              onBlur={() => setIsOpen(false)}
              className="w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 shadow-sm"
            />
            <div
              id={`${id}-listbox`}
              role="listbox"
              aria-label="Suggestions"
              hidden={!isExpanded}
              className="absolute inset-x-0 top-full z-10 mt-1 max-h-96 overflow-y-auto rounded-md border border-stone-300 bg-white py-1 shadow-lg"
            >
              {suggestions.map((suggestion, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users choose with the arrow keys and Enter on the combobox, which keeps focus
                <div
                  key={`${suggestion.href}-${suggestion.label}`}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  tabIndex={-1}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => choose(suggestion)}
                  className={[
                    'flex cursor-pointer flex-col px-3 py-2',
                    index === active ? 'bg-brand-100 text-brand-900' : 'text-stone-900',
                  ].join(' ')}
                >
                  <span className="font-medium">{suggestion.label}</span>
                  <span className="text-sm text-stone-700">
                    {KIND_TEXT[suggestion.kind]}
                    {suggestion.detail.replace(/^(Skill|Occupation|Job title)/, '')}
                  </span>
                </div>
              ))}
            </div>
          </div>
          <Button type="submit">Search</Button>
        </div>
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          Suggestions appear as you type; use the arrow keys and Enter to open one.
        </p>
        <p className="sr-only" aria-live="polite">
          {status}
        </p>
      </form>
    </search>
  );
}
