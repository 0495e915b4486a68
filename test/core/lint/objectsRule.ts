/** cli.md "lint --json": which `Kind/name`s a finding's `objects` lists, by code. Returns a problem, or null. */
import type { Finding } from '../../../src/core/finding';

const SECRET_ONLY =
  /^(SECRET_(NAME_INVALID|KEY_INVALID|DATA_NOT_BASE64|STRINGDATA_OVERRIDES_DATA|TOO_LARGE|TOO_LARGE_FOR_KUBECTL_APPLY|SCHEMA_INVALID)|DOCKER_.*|AWS_.*|S3_.*|TRAILING_NEWLINE)$/;
const POD_DEFAULT_ONLY =
  /^(PD_SELECTOR_(LABEL_VALUE_NOT_TRUE|MULTIPLE_LABELS|NO_MATCHLABELS|EMPTY)|PD_MISSING_DESC|PD_VOLUME_NAME_INVALID|PD_MOUNT_UNKNOWN_VOLUME|PD_SECRET_NOT_FOUND|PD_SCHEMA_INVALID)$/;
const SECRET_AND_POD_DEFAULTS =
  /^(PD_NAMESPACE_MISMATCH|SECRET_DOCKER_KEY_NOT_CONFIG_JSON|SECRET_DOCKERCONFIGJSON_WITHOUT_ITEMS|PD_SECRET_KEY_NOT_FOUND)$/;
const POD_DEFAULT_GROUP =
  /^(PD_SELECTOR_REUSED|PD_VOLUME_NAME_CONFLICT|PD_VOLUME_MOUNT_NAME_CONFLICT|PD_MOUNT_PATH_CONFLICT|PD_ENV_CONFLICT|PD_ENVFROM_KEY_OVERLAP|PD_DUPLICATE_IDENTICAL)$/;

const isSecret = (ref: string) => ref.startsWith('Secret/');
const isPodDefault = (ref: string) => ref.startsWith('PodDefault/');

export function objectsRuleProblem(f: Finding): string | null {
  const o = f.objects;
  const self = o.length === 1 && o[0] === f.subject;
  if (f.code === 'MANIFEST_YAML_INVALID' || f.code === 'KUBECTL_FLAG_ORDER')
    return o.length === 0 ? null : 'objects not []';
  if (f.code === 'MANIFEST_NAMESPACE_MISSING') return self ? null : 'objects is not [subject]';
  if (SECRET_ONLY.test(f.code)) return self && isSecret(f.subject) ? null : 'objects is not [the Secret]';
  if (POD_DEFAULT_ONLY.test(f.code))
    return self && isPodDefault(f.subject) ? null : 'objects is not [the PodDefault]';
  if (SECRET_AND_POD_DEFAULTS.test(f.code)) {
    const ok =
      o.filter(isSecret).length === 1 &&
      o.some(isPodDefault) &&
      o.every((r) => isSecret(r) || isPodDefault(r));
    return ok && o.includes(f.subject) ? null : 'objects is not the Secret and its PodDefaults';
  }
  if (POD_DEFAULT_GROUP.test(f.code)) {
    const min = f.code === 'PD_SELECTOR_REUSED' || f.code === 'PD_DUPLICATE_IDENTICAL' ? 2 : 1;
    return o.length >= min && o.every(isPodDefault) && o.includes(f.subject)
      ? null
      : 'objects is not the PodDefaults';
  }
  return `no objects rule for ${f.code}`;
}
