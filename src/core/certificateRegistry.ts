/**
 * Which registry `$HOME/.tls/certificate.crt` is probably for, for the `docker_registry_url` line of the Config
 * snippet. A CA's first name is its own common name ("Acme Root CA"), not a host, so names are matched against the
 * registries the user has instead, and only a name that is a host stands in on its own.
 */
import { convertToHostname } from './dockerRegistryKeys';

/** host[:port] → host; `[::1]:5000` → `::1`. */
function hostOnly(hostPort: string): string {
  if (hostPort.startsWith('[')) {
    const end = hostPort.indexOf(']');
    return end < 0 ? hostPort : hostPort.slice(1, end);
  }
  const colon = hostPort.lastIndexOf(':');
  return colon < 0 || hostPort.indexOf(':') !== colon ? hostPort : hostPort.slice(0, colon);
}

/** A certificate name matches a host as TLS does: exactly, or `*.example.com` for one leftmost label. */
function nameMatches(name: string, host: string): boolean {
  const n = name.toLowerCase();
  const h = host.toLowerCase();
  if (n === h) return true;
  if (!n.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot) === n.slice(1);
}

const DNS_NAME = /^(?=.{1,253}$)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A name usable as a registry host on its own: a dotted DNS name or an IP address (not a wildcard, not a title). */
function isHostName(name: string): boolean {
  return DNS_NAME.test(name) || IPV4.test(name) || (name.includes(':') && /^[0-9A-Fa-f:.]+$/.test(name));
}

/**
 * The registry for the certificate: an image's private registry when one is given; else the config.json registry
 * whose host the certificate names; else the certificate's first name that is a host; else null.
 */
export function registryForCertificate(
  certificateNames: readonly string[],
  authKeys: readonly string[],
  imageRegistry: string | null,
): string | null {
  if (imageRegistry !== null) return imageRegistry;
  for (const key of authKeys) {
    const hostPort = convertToHostname(key);
    if (certificateNames.some((name) => nameMatches(name, hostOnly(hostPort)))) return hostPort;
  }
  return certificateNames.find(isHostName) ?? null;
}
