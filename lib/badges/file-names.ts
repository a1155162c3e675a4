/** "Kubernetes Operator" + "Challenge Labs" → "kubernetes-operator-challenge-labs". */
export function downloadBaseName(badgeName: string, issuerName: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return [slug(badgeName), slug(issuerName)].filter(Boolean).join('-').slice(0, 120) || 'badge';
}
