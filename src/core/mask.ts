/**
 * cli.md: access key IDs appear as their first four and last four characters around `…`;
 * a value of fewer than 12 characters is `…` alone. Counted in code points so a mask never splits a character.
 */
export function maskAccessKeyId(value: string): string {
  const chars = Array.from(value);
  if (chars.length < 12) return '…';
  return `${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`;
}
