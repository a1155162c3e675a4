// @vitest-environment jsdom
import axe from 'axe-core';
import { createElement } from 'react';
import { expect, it } from 'vitest';
import { renderEmail } from './render';
import { DataExportReadyEmail } from './templates/data-export-ready-email';

it('the "data is ready" email passes axe, links to Settings and never to the file', async () => {
  const { html, text } = await renderEmail(
    createElement(DataExportReadyEmail, DataExportReadyEmail.PreviewProps),
  );
  document.open();
  document.write(html);
  document.close();
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  expect(result.violations.map((v) => v.id)).toEqual([]);
  expect(document.title).toBe('Your Laurel data is ready');
  const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  expect(new Set(links)).toEqual(new Set([DataExportReadyEmail.PreviewProps.settingsUrl]));
  expect(text).toContain('until 10 March 2026');
  expect(text).not.toContain('/api/account/export');
});
