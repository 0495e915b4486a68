/** The status bar item: `Kaptain: ready` / `Kaptain: config.json missing`; a click opens the panel. */
import { Widget } from '@lumino/widgets';
import type { ProbeController } from './model/controller';
import { shortStateText } from './model/state';

export class VerdictStatusItem extends Widget {
  private readonly unsubscribe: () => void;

  constructor(
    private readonly controller: ProbeController,
    open: () => void,
  ) {
    super();
    this.addClass('kc-status-item');
    this.node.setAttribute('role', 'button');
    this.node.tabIndex = 0;
    this.node.addEventListener('click', open);
    this.node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
    this.unsubscribe = controller.subscribe(() => this.update());
    this.update();
  }

  protected onUpdateRequest(): void {
    const result = this.controller.result;
    const state = this.controller.state;
    // The last verdict stays up while a new check runs or the kernel is busy; the panel says why.
    this.node.textContent = result ? result.verdict.short : shortStateText(state);
    this.node.title = result
      ? `${result.verdict.headline}. Click to open Kaptain Credentials.`
      : 'Kaptain Credentials: click to open.';
    this.node.classList.toggle('kc-status-fail', !!result && !result.verdict.ready);
    this.node.classList.toggle('kc-status-ready', !!result && result.verdict.ready);
  }

  dispose(): void {
    this.unsubscribe();
    super.dispose();
  }
}
