/** The panel's states, each with a clear face: what is happening, and what the user can do about it. */

export type ProbeState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting'; readonly kernel: string }
  | { readonly kind: 'probing'; readonly kernel: string }
  | { readonly kind: 'ready'; readonly kernel: string }
  | { readonly kind: 'busy'; readonly kernel: string; readonly timeoutMs: number }
  | { readonly kind: 'dead'; readonly kernel: string; readonly status: string }
  | { readonly kind: 'noPythonKernel' }
  | { readonly kind: 'noNotebook' }
  | { readonly kind: 'error'; readonly kernel: string | null; readonly message: string };

export type BannerTone = 'progress' | 'warning' | 'error' | 'info';

export interface Banner {
  readonly tone: BannerTone;
  readonly title: string;
  readonly detail: string;
  /** Offer a Retry button. */
  readonly retry: boolean;
}

function stale(hasResult: boolean): string {
  return hasResult ? ' The results below are from the last successful check.' : '';
}

/** The banner above the sections; null when the state needs none (ready). */
export function bannerFor(state: ProbeState, hasResult: boolean): Banner | null {
  switch (state.kind) {
    case 'ready':
      return null;
    case 'idle':
      return { tone: 'info', title: 'Not checked yet', detail: 'Press Refresh to check.', retry: true };
    case 'starting':
      return {
        tone: 'progress',
        title: 'Starting the probe kernel…',
        detail: `${state.kernel}: the check runs as soon as it is up.`,
        retry: false,
      };
    case 'probing':
      return { tone: 'progress', title: 'Checking…', detail: `Asking ${state.kernel}.`, retry: false };
    case 'busy':
      return {
        tone: 'warning',
        title: 'The kernel is busy',
        detail: `${state.kernel} did not answer within ${Math.round(state.timeoutMs / 100) / 10} s (a cell is probably running). The check completes when it is free.${stale(hasResult)}`,
        retry: true,
      };
    case 'dead':
      return {
        tone: 'error',
        title: state.status === 'dead' ? 'The kernel is dead' : `The kernel is ${state.status}`,
        detail: `${state.kernel} cannot answer now. Restart it, or retry once it is back.${stale(hasResult)}`,
        retry: true,
      };
    case 'noPythonKernel':
      return {
        tone: 'error',
        title: 'No Python kernel available',
        detail:
          'The check runs in a Python (IPython) kernel, and this server offers none. Install ipykernel in the notebook image.',
        retry: true,
      };
    case 'noNotebook':
      return {
        tone: 'info',
        title: 'No notebook kernel to ask',
        detail: `The probe target is the active notebook's kernel: open a notebook with a running Python kernel, or set "probeTarget" to "dedicated".${stale(hasResult)}`,
        retry: true,
      };
    case 'error':
      return {
        tone: 'error',
        title: 'The check failed',
        detail: `${state.message}${state.kernel ? ` (${state.kernel})` : ''}. Details are in the browser console.${stale(hasResult)}`,
        retry: true,
      };
  }
}

/** The status bar's text for a state without a verdict yet. */
export function shortStateText(state: ProbeState): string {
  switch (state.kind) {
    case 'starting':
    case 'probing':
    case 'idle':
      return 'Kaptain: checking…';
    case 'busy':
      return 'Kaptain: kernel busy';
    case 'dead':
      return 'Kaptain: kernel not running';
    case 'noPythonKernel':
      return 'Kaptain: no Python kernel';
    case 'noNotebook':
      return 'Kaptain: no notebook';
    case 'error':
      return 'Kaptain: check failed';
    case 'ready':
      return 'Kaptain';
  }
}
