/** Reads a secret from stdin the way `docker login --password-stdin` does: one trailing \n (and \r) dropped. */
import { readFileSync } from 'node:fs';

export function readSecretFromStdin(): string | null {
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch {
    return null;
  }
  if (text.endsWith('\n')) text = text.slice(0, -1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return text;
}
