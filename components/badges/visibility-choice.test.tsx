import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { VisibilityChoice } from './visibility-choice';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('VisibilityChoice', () => {
  it('says what can still be chosen when Public is refused, private or public', () => {
    const refusal = 'Laurel has not been able to verify this badge yet.';
    const privateNow = renderToStaticMarkup(
      <VisibilityChoice isPublic={false} publicRefusal={refusal} onChange={() => {}} />,
    );
    expect(text(privateNow)).toContain(refusal);
    expect(text(privateNow)).toContain('Only Private can be chosen for now.');
    expect(privateNow).toMatch(/<input[^>]*disabled=""[^>]*value="public"/);

    const publicNow = renderToStaticMarkup(
      <VisibilityChoice isPublic publicRefusal="It has been revoked." onChange={() => {}} />,
    );
    expect(text(publicNow)).toContain('You can make it private, but not public again.');

    const free = renderToStaticMarkup(<VisibilityChoice isPublic={false} onChange={() => {}} />);
    expect(text(free)).toContain('You can change this at any time.');
    expect(free).not.toMatch(/disabled/);
  });
});
