import { describe, expect, it } from 'vitest';
import { htmlToLine, htmlToPlainText } from './html-text';

describe('htmlToPlainText', () => {
  it('drops script and style with their contents', () => {
    expect(htmlToPlainText("<p>Critical care nursing.</p><script>alert('strip me')</script>")).toBe(
      'Critical care nursing.',
    );
    expect(htmlToPlainText('<style>p { color: red }</style><p>Hello</p><noscript>x</noscript>')).toBe(
      'Hello',
    );
  });

  it('turns blocks into lines and list items into bullets', () => {
    expect(
      htmlToPlainText('<p>Build services.</p><ul><li>Python, AWS</li><li>Code review</li></ul><p>a<br>b</p>'),
    ).toBe('Build services.\n\n• Python, AWS\n• Code review\n\na\nb');
  });

  it('decodes entities and keeps link text without the address', () => {
    expect(htmlToPlainText('R&amp;D &eacute;quipe &#8211; <a href="javascript:alert(1)">apply</a>')).toBe(
      'R&D équipe – apply',
    );
  });

  it('leaves no tag behind, even when the feed escaped its HTML', () => {
    const escaped =
      '&lt;p&gt;Hi&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;';
    expect(htmlToPlainText(escaped)).toBe('Hi');
    expect(htmlToPlainText('&amp;lt;b&amp;gt;twice&amp;lt;/b&amp;gt;')).toBe('twice');
    expect(htmlToPlainText('<img src=x onerror=alert(1)><svg onload=alert(2)></svg>')).toBe('');
  });

  it('keeps comparisons that only look a little like markup', () => {
    expect(htmlToPlainText('5 &lt; 6 and 7 > 3')).toBe('5 < 6 and 7 > 3');
  });
});

describe('htmlToLine', () => {
  it('gives one line of text for titles and names', () => {
    expect(htmlToLine('<b>Senior</b>\n Nurse &amp; <i>Midwife</i><script>x()</script>')).toBe(
      'Senior Nurse & Midwife',
    );
  });
});
