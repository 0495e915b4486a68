/**
 * Reading what a registry and its token service answer: the error codes of the registry API
 * (`{"errors":[{"code":"UNAUTHORIZED",…}]}`), OAuth errors (`{"error":"invalid_grant"}`), the token of the
 * Docker token specification, and the `access` claim of a JWT token (what the token grants). Only identifiers
 * are kept from a body: messages could echo anything.
 */
import { decodeBase64Strict, decodeUtf8 } from '../bytes';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.-]{0,47}$/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The error codes of a registry or token-service answer, e.g. `UNAUTHORIZED`, `invalid_grant`. */
export function errorCodes(body: string): string[] {
  const json = parseJson(body);
  if (!isObject(json)) return [];
  const codes: string[] = [];
  if (Array.isArray(json.errors)) {
    for (const e of json.errors)
      if (isObject(e) && typeof e.code === 'string' && IDENTIFIER.test(e.code)) codes.push(e.code);
  }
  if (typeof json.error === 'string' && IDENTIFIER.test(json.error)) codes.push(json.error);
  return [...new Set(codes)].slice(0, 3);
}

/** ` (UNAUTHORIZED)`, or '' when the body names no code. */
export function codesSuffix(body: string): string {
  const codes = errorCodes(body);
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}

/** The token of a token-service answer: `access_token` (OAuth2), else `token` (Docker's spec); null if none. */
export function tokenFromAnswer(body: string): string | null {
  const json = parseJson(body);
  if (!isObject(json)) return null;
  for (const name of ['access_token', 'token']) {
    const value = json[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

function decodeBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  return decodeBase64Strict(std + '='.repeat((4 - (std.length % 4)) % 4), false);
}

/**
 * Whether a JWT grants `push` on `repository` (the Docker token's `access` claim: `[{type, name, actions}]`).
 * null when the token is not a JWT with an `access` claim: opaque tokens (GHCR's) say nothing.
 */
export function tokenGrantsPush(token: string, repository: string): boolean | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const bytes = decodeBase64Url(parts[1]);
  const text = bytes === null ? null : decodeUtf8(bytes);
  const claims = text === null ? undefined : parseJson(text);
  if (!isObject(claims) || !Array.isArray(claims.access)) return null;
  for (const grant of claims.access) {
    if (!isObject(grant) || grant.type !== 'repository' || !Array.isArray(grant.actions)) continue;
    if (grant.name !== repository) continue;
    if (grant.actions.includes('push') || grant.actions.includes('*')) return true;
  }
  return false;
}
