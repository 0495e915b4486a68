/** A JupyterLab kernel connection as the probe sees it: one silent execute, its reply's content. */
import type { Kernel } from '@jupyterlab/services';
import type { ProbeKernel, SilentExecuteContent } from '../probe/runProbe';

export function probeKernel(connection: Kernel.IKernelConnection, label: string): ProbeKernel {
  return {
    label,
    execute(content: SilentExecuteContent): Promise<unknown> {
      return new Promise((resolve, reject) => {
        // disposeOnDone: the future is released once the reply and the idle status have arrived.
        const future = connection.requestExecute({ ...content }, true);
        // The reply carries everything the probe needs. Waiting for `done` (the idle status too) costs about
        // 40 ms more: the server sends the two messages back to back and TCP holds the second for an ACK.
        future.onReply = (reply) => resolve(reply.content);
        // Rejects when the kernel dies or restarts before answering; a no-op once the reply has resolved.
        future.done.then((reply) => resolve(reply.content), reject);
      });
    },
  };
}

/** Kernel statuses in which a request cannot be answered soon. */
export const UNAVAILABLE_STATUSES: ReadonlySet<string> = new Set([
  'dead',
  'restarting',
  'autorestarting',
  'terminating',
]);
