/** The objects `manifests` writes, typed with @kubernetes/client-node's models (types only, never loaded). */
import type {
  V1EnvFromSource,
  V1EnvVar,
  V1LabelSelector,
  V1ObjectMeta,
  V1Secret,
  V1Volume,
  V1VolumeMount,
} from '@kubernetes/client-node';

/** Kubeflow's PodDefault (kubeflow.org/v1alpha1), the fields of its CRD that we write. */
export interface PodDefault {
  apiVersion: 'kubeflow.org/v1alpha1';
  kind: 'PodDefault';
  metadata: V1ObjectMeta;
  spec: {
    selector: V1LabelSelector;
    desc?: string;
    env?: V1EnvVar[];
    envFrom?: V1EnvFromSource[];
    volumeMounts?: V1VolumeMount[];
    volumes?: V1Volume[];
  };
}

export type ManifestObject = V1Secret | PodDefault;

export type SourceId = 'docker' | 'awsFile' | 'awsEnv' | 'certificate';

export interface SecretEntry {
  readonly key: string;
  readonly bytes: Uint8Array;
}

/** One Secret's worth of data and where it came from (kubectl commands refer to the origin, never the value). */
export interface ManifestSource {
  readonly id: SourceId;
  readonly origin:
    | { readonly kind: 'file'; readonly path: string }
    | { readonly kind: 'env' }
    /** Values the user typed; the secret part came from stdin. */
    | { readonly kind: 'given' };
  readonly entries: readonly SecretEntry[];
}

export interface ManifestOptions {
  readonly namespace: string;
  readonly namePrefix: string;
  /** The notebook image's home, where mountPaths go (/home/kubeflow by default). */
  readonly homeDir: string;
}
