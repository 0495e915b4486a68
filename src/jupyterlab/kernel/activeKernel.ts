/** The active notebook's kernel: what that notebook's Model(...) sees, %env changes included. */
import type { INotebookTracker } from '@jupyterlab/notebook';
import type { Acquired, KernelSource } from '../model/controller';
import { probeKernel, UNAVAILABLE_STATUSES } from './adapter';

export class ActiveKernelSource implements KernelSource {
  constructor(private readonly tracker: INotebookTracker) {}

  async acquire(): Promise<Acquired> {
    const panel = this.tracker.currentWidget;
    if (!panel) return { kind: 'unavailable', state: { kind: 'noNotebook' } };
    const context = panel.sessionContext;
    const kernel = context.session?.kernel;
    const label = `${context.kernelDisplayName} of ${panel.context.localPath}`;
    if (!kernel) return { kind: 'unavailable', state: { kind: 'noNotebook' } };
    if (UNAVAILABLE_STATUSES.has(kernel.status))
      return { kind: 'unavailable', state: { kind: 'dead', kernel: label, status: kernel.status } };
    const spec = await kernel.spec;
    if (spec && spec.language.toLowerCase() !== 'python')
      return { kind: 'unavailable', state: { kind: 'noPythonKernel' } };
    return { kind: 'kernel', kernel: probeKernel(kernel, label) };
  }
}
