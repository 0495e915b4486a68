/** Kubernetes name rules (apimachinery pkg/util/validation), for what we generate and what we lint. */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** Namespaces, volume names, Service names: at most 63 characters of [a-z0-9-], alphanumeric at both ends. */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** Secret and most object names: at most 253 characters, dot-separated labels. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

/** A label key: an optional DNS subdomain prefix and `/`, then a name of at most 63 characters. */
export function isLabelKey(value: string): boolean {
  const slash = value.lastIndexOf('/');
  const name = slash >= 0 ? value.slice(slash + 1) : value;
  if (slash >= 0 && !isDns1123Subdomain(value.slice(0, slash))) return false;
  return name.length <= 63 && QUALIFIED_NAME_PART.test(name);
}

/** A Secret or ConfigMap data key (IsConfigMapKey). */
export function isSecretKey(value: string): boolean {
  return (
    value.length <= 253 &&
    CONFIG_MAP_KEY.test(value) &&
    value !== '.' &&
    value !== '..' &&
    !value.startsWith('..')
  );
}
