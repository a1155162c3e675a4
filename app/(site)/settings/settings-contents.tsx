/** The Settings page's sections, linked at the top: the page is long on a phone. */
const SECTIONS = [
  ['profile', 'Profile'],
  ['achievements', 'Achievements'],
  ['email-addresses', 'Email addresses'],
  ['notifications', 'Notifications'],
  ['password', 'Password'],
  ['sessions', 'Sessions'],
  ['download-your-data', 'Download your data'],
  ['delete-account', 'Delete your account'],
] as const;

export function SettingsContents() {
  return (
    <nav aria-labelledby="settings-contents-heading">
      <h2 id="settings-contents-heading" className="sr-only">
        On this page
      </h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a href={`#${id}`} className="underline underline-offset-2 hover:no-underline">
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
