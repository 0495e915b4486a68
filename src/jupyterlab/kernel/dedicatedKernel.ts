/**
 * The dedicated probe kernel: started when the panel first needs it, so a long training cell never blocks the
 * panel; shut down after an idle time, when the page goes away, or restarted when someone else shut it down.
 */
import { ServerConnection, type Kernel, type KernelSpec, type ServiceManager } from '@jupyterlab/services';
import { URLExt } from '@jupyterlab/coreutils';
import type { Acquired, KernelSource } from '../model/controller';
import type { ProbeState } from '../model/state';
import { probeKernel, UNAVAILABLE_STATUSES } from './adapter';

/** The default kernel spec when it is Python, else the first Python one; null when there is none. */
export function pythonKernelSpec(specs: KernelSpec.ISpecModels | null): KernelSpec.ISpecModel | null {
  if (!specs) return null;
  const all = Object.values(specs.kernelspecs).filter((s): s is KernelSpec.ISpecModel => !!s);
  const isPython = (s: KernelSpec.ISpecModel) => s.language.toLowerCase() === 'python';
  const preferred = specs.kernelspecs[specs.default];
  if (preferred && isPython(preferred)) return preferred;
  return all.filter(isPython).sort((a, b) => a.name.localeCompare(b.name))[0] ?? null;
}

export class DedicatedKernelSource implements KernelSource {
  private connection: Kernel.IKernelConnection | null = null;
  private starting: Promise<Kernel.IKernelConnection> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private label = 'the probe kernel';
  private readonly onPageHide = () => this.shutdownOnUnload();

  constructor(
    private readonly services: ServiceManager.IManager,
    private readonly idleShutdownMs: () => number,
  ) {
    window.addEventListener('pagehide', this.onPageHide);
  }

  /** The kernel's id, when one is running (the e2e tests and the bench look for it). */
  get kernelId(): string | null {
    return this.connection?.id ?? null;
  }

  async acquire(progress: (state: ProbeState) => void): Promise<Acquired> {
    const live = this.connection;
    if (live && !live.isDisposed && !UNAVAILABLE_STATUSES.has(live.status)) {
      this.touch();
      return { kind: 'kernel', kernel: probeKernel(live, this.label) };
    }
    await this.services.kernelspecs.ready;
    const spec = pythonKernelSpec(this.services.kernelspecs.specs);
    if (!spec) return { kind: 'unavailable', state: { kind: 'noPythonKernel' } };
    this.label = `${spec.display_name}, dedicated probe kernel`;
    progress({ kind: 'starting', kernel: this.label });
    if (!this.starting) {
      this.starting = this.services.kernels.startNew({ name: spec.name }).finally(() => {
        this.starting = null;
      });
    }
    const connection = await this.starting;
    this.connection = connection;
    connection.disposed.connect(() => {
      if (this.connection === connection) this.connection = null;
    });
    this.touch();
    return { kind: 'kernel', kernel: probeKernel(connection, this.label) };
  }

  /** Restarts the idle countdown. */
  private touch(): void {
    clearTimeout(this.idleTimer);
    const ms = this.idleShutdownMs();
    if (ms > 0) this.idleTimer = setTimeout(() => void this.shutdown(), ms);
  }

  async shutdown(): Promise<void> {
    clearTimeout(this.idleTimer);
    const connection = this.connection;
    this.connection = null;
    if (connection && !connection.isDisposed) {
      try {
        await connection.shutdown();
      } catch {
        // Already gone: nothing to do.
      }
      connection.dispose();
    }
  }

  /** The page is going away: ask the server to stop the kernel with a request that outlives the page. */
  private shutdownOnUnload(): void {
    const connection = this.connection;
    if (!connection || connection.isDisposed) return;
    const settings = this.services.serverSettings;
    const url = URLExt.join(settings.baseUrl, 'api/kernels', encodeURIComponent(connection.id));
    void ServerConnection.makeRequest(url, { method: 'DELETE', keepalive: true }, settings).catch(
      () => undefined,
    );
  }

  dispose(): void {
    window.removeEventListener('pagehide', this.onPageHide);
    void this.shutdown();
  }
}
