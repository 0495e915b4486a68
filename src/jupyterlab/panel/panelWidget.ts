/** The sidebar panel: a Lumino widget that re-renders from the controller's state, keeping focus where it was. */
import { Widget } from '@lumino/widgets';
import type { LintResult } from '../../core/lint';
import type { ProbeController } from '../model/controller';
import { panelSections, type PanelSections } from '../model/sections';
import { keyIcon } from '../icon';
import type { LiveCheckStore } from '../check/liveCheckStore';
import type { PanelSettings } from '../settings';
import { renderPanel, type PanelActions } from './render';

export class CredentialsPanel extends Widget {
  private lint: { result: LintResult; atMs: number } | null = null;
  private notice: string | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly unsubscribe: () => void;
  private readonly unsubscribeChecks: () => void;
  /** Re-renders while check results are shown, so their age stays true and they leave after five minutes. */
  private readonly ageTimer: ReturnType<typeof setInterval>;
  private sectionsCache: { key: unknown; sections: PanelSections | null } = { key: null, sections: null };

  constructor(
    private readonly controller: ProbeController,
    private readonly actions: PanelActions,
    private readonly settings: () => PanelSettings,
    private readonly checks: LiveCheckStore,
  ) {
    super();
    this.id = 'kaptain-credentials-panel';
    this.addClass('kc-panel');
    this.title.icon = keyIcon;
    this.title.caption = 'Kaptain Credentials';
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', 'Kaptain Credentials');
    this.unsubscribe = controller.subscribe(() => this.render());
    this.unsubscribeChecks = checks.subscribe(() => this.render());
    this.ageTimer = setInterval(() => {
      if (this.checks.view().rows.length > 0 || this.node.querySelector('.kc-check')) this.render();
    }, 15000);
    this.render();
  }

  /** Opening the panel is a request to check: the probe costs a few milliseconds on an idle kernel. */
  protected onAfterShow(): void {
    void this.controller.refresh();
  }

  showLint(result: LintResult): void {
    this.lint = { result, atMs: Date.now() };
    this.render();
  }

  /** A short message that goes away by itself. */
  say(message: string): void {
    this.notice = message;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.notice = null;
      this.render();
    }, 6000);
    this.render();
  }

  render(): void {
    const result = this.controller.result;
    // The view model is rebuilt only when the Report changes (a state change alone does not rebuild it).
    if (this.sectionsCache.key !== result) {
      this.sectionsCache = {
        key: result,
        sections: result ? panelSections(result.report, result.verdict) : null,
      };
    }
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.kcKey;
    const focusedInput =
      document.activeElement instanceof HTMLInputElement && this.node.contains(document.activeElement)
        ? document.activeElement
        : null;
    const typed = focusedInput
      ? { value: focusedInput.value, start: focusedInput.selectionStart, end: focusedInput.selectionEnd }
      : null;
    const content = renderPanel(
      {
        state: this.controller.state,
        result,
        sections: this.sectionsCache.sections,
        image: this.settings().image,
        probeTarget: this.settings().probeTarget,
        lint: this.lint,
        notice: this.notice,
        liveChecks: this.checks.view(),
      },
      this.actions,
    );
    this.node.dataset.kcChecks = String(this.controller.checks);
    this.node.dataset.kcState = this.controller.state.kind;
    this.node.dataset.kcLiveChecks = String(this.checks.runs);
    const scroll = this.node.scrollTop;
    this.node.replaceChildren(content);
    this.node.scrollTop = scroll;
    if (focusedKey) {
      const again = this.node.querySelector<HTMLElement>(`[data-kc-key="${CSS.escape(focusedKey)}"]`);
      if (again) {
        again.focus();
        if (typed && again instanceof HTMLInputElement) {
          again.value = typed.value;
          again.setSelectionRange(typed.start, typed.end);
        }
      }
    }
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.unsubscribe();
    this.unsubscribeChecks();
    clearTimeout(this.noticeTimer);
    clearInterval(this.ageTimer);
    super.dispose();
  }
}
