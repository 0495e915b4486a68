/** --help texts, one per command. */

export const MAIN_HELP = `kaptain-credentials: check Docker and storage credentials the way the Kaptain SDK reads them.

Usage: kaptain-credentials <command> [options]

Commands:
  status     what Config.default() resolves to, which providers are usable, every problem and its fix
  manifests  Secret and PodDefault YAML (or kubectl commands) that mount these credentials in notebooks
  lint       check Secret and PodDefault YAML files the way the cluster and the SDK will judge them
  check      contact the registries and the storage with these credentials and say what each server answered

Options:
  -h, --help     show help (also after a command: kaptain-credentials status --help)
  -V, --version  print the version

Exit codes: status and lint 0 no error findings, 1 at least one, 2 usage error; check 0 every check passed,
1 one failed, 2 usage error; see each command's --help.
`;

export const STATUS_HELP = `Usage: kaptain-credentials status [--json] [--image REF]...

Inspects $HOME/.docker/config.json, $HOME/.aws/credentials, $HOME/.tls/certificate.crt and the AWS_*/S3_*
variables of the environment, as Model(...) in a notebook would see them.

Options:
  --json         print one JSON document (contract: status --json) and nothing else on stdout
  --image REF    an image the SDK will push (Model(image_name=...)); says which config.json entry serves it.
                 Repeatable; --image=REF works too. The next argument is taken verbatim.
  -h, --help     show this help

Exit codes: 0 no error findings, 1 at least one error finding, 2 usage error.
No secret is ever printed: access key IDs are masked (AKIA…MPLE), passwords and tokens only said to be set.
`;

export const MANIFESTS_HELP = `Usage: kaptain-credentials manifests [--docker] [--aws-file] [--aws-env] [--certificate]
         [--namespace NS] [--name-prefix P] [--home-dir D] [--out FILE [--force]] [--kubectl]

Writes Kubernetes Secrets and Kubeflow PodDefaults (one multi-document YAML stream) that mount this pod's
credentials where the Kaptain SDK reads them. Without a source flag: everything present.

Sources read from this pod:
  --docker        Secret docker-secret (key config.json) + PodDefault docker-config
  --aws-file      Secret aws-credentials (key credentials) + PodDefault aws-credentials
  --aws-env       Secret aws-configuration (the set AWS_*/S3_* variables) + PodDefault aws-configuration (envFrom)
  --certificate   Secret registry-certificate (key certificate.crt) + PodDefault registry-certificate

Typed values instead (the secret is read from stdin, never from an argument):
  --docker-server S --docker-username U --password-stdin
  --aws-access-key-id K --aws-secret-access-key-stdin [--aws-region R] [--s3-endpoint URL]
      [--s3-signature-version V] [--s3-force-path-style true|false]

Options:
  --namespace NS    namespace of every object (default: this pod's own namespace)
  --name-prefix P   prepended to every name and selector label
  --home-dir D      the notebook image's home for mountPaths (default /home/kubeflow; e.g. /home/jovyan)
  --out FILE        write to FILE with mode 0600; an existing FILE is kept unless --force
  --kubectl         print the equivalent kubectl commands instead (they name files and variables, not values)
  --force           make Secrets even from inputs with error findings; overwrite --out
  -h, --help        show this help

Exit codes: 0 written, 1 nothing to write or an input is broken (the findings say why), 2 usage error.
The YAML holds your credentials (base64 is not encryption): keep it out of version control.
`;

export const LINT_HELP = `Usage: kaptain-credentials lint [--json] [--namespace NS] FILE...

Reads YAML files of Secrets and PodDefaults (multi-document files too; Markdown and shell files are scanned for
YAML blocks and kubectl commands) and reports the findings of the set as a whole: PodDefaults the admission webhook
would reject together, selectors the spawner cannot use, Secrets the SDK cannot read, base64 values made with echo.

Options:
  --json            print one JSON document (contract: lint --json) and nothing else on stdout
  --namespace NS    the namespace objects without metadata.namespace land in (your kubectl context's)
  -h, --help        show this help

Exit codes: 0 no error findings, 1 at least one error finding, 2 usage error.
`;

export const CHECK_HELP = `Usage: kaptain-credentials check [docker] [storage] [--image REF]... [--timeout S] [--json]
         [--storage-provider minio|s3|from-env] [--storage-uri s3://BUCKET/PREFIX] [--minio-endpoint URL]
         [--insecure-registry HOST[:PORT]]...

Contacts the servers with the credentials the Kaptain SDK would use and says exactly what each answered
(it never runs by itself: it sends requests). Without docker or storage: both.

  docker    GET /v2/ on the registry of each --image (or of every entry of ~/.docker/config.json), following
            its Basic or Bearer challenge; trusts $HOME/.tls/certificate.crt besides the system's CAs
  storage   a signed HeadBucket on the bucket of --storage-uri (ListBuckets for s3:// alone), with the
            provider's keys, S3_ENDPOINT, S3_FORCE_PATH_STYLE, S3_SIGNATURE_VERSION, AWS_REGION and the
            session token

Options:
  --image REF              the image the SDK will push (Model(image_name=...)); repeatable
  --timeout S              seconds per check, all its requests included (default 5)
  --json                   print {"checks": [...]} and nothing else on stdout
  --storage-provider P     minio: Config.default()'s in-cluster MinIO (default); s3:
                           S3ConfigurationProvider.default() (~/.aws/credentials); from-env:
                           S3ConfigurationProvider.from_env() (AWS_* and S3_* variables)
  --storage-uri URI        base_model_storage_uri (default s3://kaptain/models)
  --minio-endpoint URL     the in-cluster MinIO (default $KAPTAIN_MINIO_ENDPOINT, else http://minio.kubeflow);
                           its keys come from MINIO_ACCESS_KEY and MINIO_SECRET_KEY when set, otherwise
                           only reachability is checked
  --insecure-registry H    a registry that may answer over plain http (loopback registries always may)
  -h, --help               show this help

Outcomes: ok, unauthorized, no_credentials, bucket_missing, tls_error, unreachable, timeout, error; the
reason field says which case (e.g. signature_mismatch, no_push).
Exit codes: 0 every check passed, 1 at least one failed, 2 usage error.
No secret, token or signed header is ever printed.
`;
