/** The pod's own namespace, as Kubernetes mounts it for the service account; null outside a pod. */
import { readFileState } from './readFileState';

export const SERVICE_ACCOUNT_NAMESPACE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

export function podNamespace(path: string = SERVICE_ACCOUNT_NAMESPACE): string | null {
  const state = readFileState(path, 1024);
  if (state.kind !== 'file') return null;
  const value = new TextDecoder().decode(state.bytes).trim();
  return value === '' ? null : value;
}
