import type { Metadata } from 'next';
import { helpQuestions } from './questions';

export const metadata: Metadata = {
  title: 'Help — Laurel',
  description: 'How to claim, share, verify and download your badges with Laurel, and who can see them.',
};

export default function HelpPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">How Laurel works</h1>
      <p className="mt-3 text-lg text-stone-700">
        Answers to the questions learners ask most. Can&apos;t find yours? Ask the organisation that awarded
        your badge.
      </p>

      <nav aria-labelledby="help-contents" className="mt-8 rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="help-contents" className="text-base font-semibold text-stone-900">
          On this page
        </h2>
        <ul className="mt-3 space-y-1">
          {helpQuestions.map((item) => (
            <li key={item.id}>
              <a href={`#${item.id}`} className="text-brand-800 underline hover:text-brand-900">
                {item.question}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mt-10 space-y-10">
        {helpQuestions.map((item) => (
          <section key={item.id} aria-labelledby={item.id}>
            <h2 id={item.id} className="text-xl font-semibold text-brand-800">
              {item.question}
            </h2>
            <div className="mt-3 space-y-3 text-stone-800">{item.answer}</div>
          </section>
        ))}
      </div>
    </div>
  );
}
