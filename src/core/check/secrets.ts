/**
 * Every secret a plan carries, in the forms an answer could echo, for the last-guard redaction of details.
 * Secrets shorter than REDACT_MIN_LENGTH are not searched for: they would blank ordinary words of a detail.
 */
import { decodeBase64Strict } from '../bytes';
import type { RegistryPlan } from './registryFlow';
import type { S3Plan } from './s3Flow';

export const REDACT_MIN_LENGTH = 6;

const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

export function secretsOf(plan: RegistryPlan | S3Plan): string[] {
  const credentials = plan.credentials?.open();
  if (!credentials) return [];
  if ('secretAccessKey' in credentials) {
    // A short access key ID (`minio`) would blank ordinary words; only a long one is worth guarding.
    const keyId = credentials.accessKeyId.length >= 12 ? credentials.accessKeyId : '';
    return [credentials.secretAccessKey, keyId, credentials.sessionToken ?? ''];
  }
  if (credentials.kind !== 'basic') return [credentials.token];
  const pair = decodeBase64Strict(credentials.basic);
  const colon = pair === null ? -1 : pair.indexOf(0x3a);
  const password = pair === null || colon < 0 ? '' : lossy.decode(pair.subarray(colon + 1));
  pair?.fill(0);
  return [credentials.basic, password];
}
