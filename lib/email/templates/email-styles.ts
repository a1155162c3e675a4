import type { CSSProperties } from 'react';

// Laurel's brand green; white text on it has ample contrast.
const brand = '#14532d';

export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
export const body: CSSProperties = { backgroundColor: '#f4f4f5', fontFamily, margin: 0, padding: '24px 0' };
export const container: CSSProperties = {
  backgroundColor: '#ffffff',
  borderRadius: '8px',
  margin: '0 auto',
  maxWidth: '560px',
  padding: '32px',
};
export const title: CSSProperties = {
  color: '#18181b',
  fontSize: '24px',
  lineHeight: '32px',
  margin: '0 0 16px',
};
export const paragraph: CSSProperties = {
  color: '#27272a',
  fontSize: '16px',
  lineHeight: '24px',
  margin: '0 0 16px',
};
export const muted: CSSProperties = {
  color: '#52525b',
  fontSize: '14px',
  lineHeight: '22px',
  margin: '0 0 12px',
};
export const buttonSection: CSSProperties = { textAlign: 'center', margin: '24px 0' };
export const button: CSSProperties = {
  backgroundColor: brand,
  borderRadius: '6px',
  color: '#ffffff',
  fontSize: '16px',
  fontWeight: 600,
  padding: '14px 28px',
  textDecoration: 'none',
};
export const link: CSSProperties = { color: brand, textDecoration: 'underline', wordBreak: 'break-all' };
export const rule: CSSProperties = { borderColor: '#e4e4e7', margin: '24px 0' };
