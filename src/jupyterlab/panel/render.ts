/** Renders the panel's view model as DOM. Only the Report's fields are shown: it holds no secret. */
import type { Finding, Severity } from '../../core/finding';
import type { LintResult } from '../../core/lint';
import type { ProbeResult } from '../model/controller';
import {
  groupFindings,
  type AlternativeView,
  type DockerView,
  type FindingGroup,
  type PanelSections,
  type Row,
  type StorageView,
  type Tone,
} from '../model/sections';
import { bannerFor, type ProbeState } from '../model/state';
import type { ProbeTarget } from '../settings';
import type { CheckRow } from '../check/checkRows';
import type { LiveCheckView } from '../check/liveCheckStore';
import { button, h } from './dom';

export interface PanelActions {
  refresh(): void;
  generateManifests(): void;
  copyKubectl(): void;
  lint(): void;
  insertSnippet(snippet: string): void;
  copySnippet(snippet: string): void;
  setImage(image: string): void;
  setProbeTarget(target: ProbeTarget): void;
  /** Live checks: contacts the registries and storage from the kernel. */
  check(): void;
}

export interface PanelView {
  readonly state: ProbeState;
  readonly result: ProbeResult | null;
  readonly sections: PanelSections | null;
  readonly image: string;
  readonly probeTarget: ProbeTarget;
  readonly lint: { readonly result: LintResult; readonly atMs: number } | null;
  /** A short message from the last action ("Copied", "No YAML editor is open"). */
  readonly notice: string | null;
  readonly liveChecks: LiveCheckView;
}

const SEVERITY_GLYPH: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const TONE_GLYPH: Record<Tone, string> = { ok: '✔', error: '✖', warning: '⚠', info: 'ℹ', neutral: '•' };

function section(id: string, title: string, ...body: (Node | null | false)[]): HTMLElement {
  const headingId = `kc-heading-${id}`;
  return h(
    'section',
    { className: `kc-section kc-section-${id}`, 'aria-labelledby': headingId },
    h('h3', { className: 'kc-section-title', id: headingId }, title),
    ...body,
  );
}

function toneMark(tone: Tone, label: string): HTMLElement {
  return h(
    'span',
    { className: `kc-mark kc-tone-${tone}`, role: 'img', 'aria-label': label },
    TONE_GLYPH[tone],
  );
}

function row(r: Row): HTMLElement {
  return h(
    'div',
    { className: 'kc-row' },
    toneMark(r.tone, r.tone),
    h('span', { className: 'kc-row-label' }, r.label),
    h('span', { className: `kc-row-value kc-tone-${r.tone}` }, r.value),
  );
}

function banner(view: PanelView, actions: PanelActions): HTMLElement | null {
  const b = bannerFor(view.state, view.result !== null);
  if (!b) return null;
  return h(
    'div',
    { className: `kc-banner kc-banner-${b.tone}`, role: b.tone === 'error' ? 'alert' : 'status' },
    h(
      'div',
      { className: 'kc-banner-title' },
      b.tone === 'progress' ? h('span', { className: 'kc-spinner', 'aria-hidden': 'true' }) : null,
      b.title,
    ),
    h('div', { className: 'kc-banner-detail' }, b.detail),
    b.retry ? button('Retry', actions.refresh, { key: 'retry', title: 'Check again' }) : null,
  );
}

function verdictBlock(sections: PanelSections): HTMLElement {
  const v = sections.verdict;
  return h(
    'div',
    {
      className: `kc-verdict ${v.ready ? 'kc-verdict-ready' : 'kc-verdict-fail'}`,
      role: 'status',
      'aria-live': 'polite',
    },
    h(
      'div',
      { className: 'kc-verdict-headline' },
      toneMark(v.ready ? 'ok' : 'error', v.ready ? 'ready' : 'will fail'),
      h('span', {}, v.headline),
    ),
    v.fix ? h('div', { className: 'kc-verdict-fix' }, h('strong', {}, 'Fix: '), v.fix) : null,
    h('div', { className: 'kc-verdict-counts' }, v.counts),
  );
}

function dockerSection(d: DockerView, view: PanelView, actions: PanelActions): HTMLElement {
  const input = h('input', {
    id: 'kc-image-input',
    className: 'kc-input',
    type: 'text',
    value: view.image,
    placeholder: 'registry.example.com/team/model:1',
    spellcheck: 'false',
    'data-kc-key': 'image',
  }) as HTMLInputElement;
  const apply = () => {
    if (input.value.trim() !== view.image) actions.setImage(input.value.trim());
  };
  input.addEventListener('change', apply);
  input.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Enter') apply();
  });
  return section(
    'docker',
    'Docker registry',
    h('div', { className: 'kc-path', title: d.path }, d.path),
    row(d.state),
    d.registries.length > 0
      ? h(
          'ul',
          { className: 'kc-list kc-registries', 'aria-label': 'Registries in config.json' },
          d.registries.map((r) =>
            h(
              'li',
              { className: 'kc-registry' },
              toneMark(r.valid ? 'ok' : 'error', r.valid ? 'valid' : 'not valid'),
              h('span', { className: 'kc-registry-host', title: r.key ?? r.host }, r.host),
              h('span', { className: 'kc-registry-user' }, r.username),
              h('span', { className: `kc-registry-note kc-tone-${r.valid ? 'neutral' : 'error'}` }, r.note),
            ),
          ),
        )
      : d.state.tone === 'ok'
        ? h('div', { className: 'kc-empty' }, 'No registry entries.')
        : null,
    ...d.helperWarnings.map((w) =>
      h('div', { className: 'kc-warning-line' }, toneMark('warning', 'warning'), w),
    ),
    h(
      'div',
      { className: 'kc-field' },
      h('label', { for: 'kc-image-input', className: 'kc-label' }, 'Image to push'),
      input,
      d.image
        ? h(
            'div',
            { className: `kc-image-result kc-tone-${d.image.tone}` },
            toneMark(d.image.tone, d.image.tone),
            d.image.message,
          )
        : h(
            'div',
            { className: 'kc-hint' },
            'Type the image Model(image_name=...) pushes to check its registry.',
          ),
    ),
  );
}

function storageSection(s: StorageView): HTMLElement {
  return section(
    'storage',
    'Storage',
    h(
      'div',
      { className: 'kc-row' },
      toneMark('ok', 'default'),
      h('span', { className: 'kc-row-label' }, 'Config.default() uses'),
      h('code', { className: 'kc-row-value' }, s.minioDefault),
    ),
    h('div', { className: 'kc-subtitle' }, 'Credentials file'),
    h('div', { className: 'kc-path', title: s.credentialsFile.label }, s.credentialsFile.label),
    row({ label: 'state', value: s.credentialsFile.value, tone: s.credentialsFile.tone }),
    s.profiles.length > 0
      ? h(
          'div',
          { className: 'kc-profiles' },
          'Profiles: ',
          s.profiles
            .map((p, i) => [i > 0 ? ', ' : '', h(p === s.selectedProfile ? 'strong' : 'span', {}, p)])
            .flat(),
        )
      : null,
    h('div', { className: 'kc-subtitle' }, 'Variables'),
    s.variables.length > 0
      ? h('div', { className: 'kc-variables' }, s.variables.map(row))
      : h('div', { className: 'kc-empty' }, 'No AWS_* or S3_* variable is set.'),
    h('div', { className: 'kc-subtitle' }, 'Providers'),
    h(
      'ul',
      { className: 'kc-list kc-providers' },
      s.providers.map((p) =>
        h(
          'li',
          {},
          toneMark(p.usable ? 'ok' : 'neutral', p.usable ? 'usable' : 'not usable'),
          h('code', {}, p.provider),
          p.usable ? '' : h('span', { className: 'kc-hint' }, ' not usable'),
        ),
      ),
    ),
  );
}

function checkRow(r: CheckRow): HTMLElement {
  return h(
    'li',
    { className: `kc-check kc-check-${r.outcome}`, 'data-kc-check': r.key },
    h(
      'div',
      { className: 'kc-check-head' },
      toneMark(r.tone, r.outcome),
      h('span', { className: 'kc-check-target', title: r.kind }, r.target),
      h('span', { className: 'kc-check-age' }, r.age),
    ),
    h(
      'div',
      { className: `kc-check-outcome kc-tone-${r.tone}` },
      h('code', { className: 'kc-check-outcome-code' }, r.outcome),
      ` ${r.reason}`,
    ),
    r.detail ? h('div', { className: 'kc-check-detail kc-hint' }, r.detail) : null,
  );
}

function liveChecksSection(live: LiveCheckView, actions: PanelActions, canCheck: boolean): HTMLElement {
  return section(
    'checks',
    'Live checks',
    h(
      'div',
      { className: 'kc-actions' },
      button(live.running ? 'Checking…' : 'Check', actions.check, {
        key: 'check',
        title: "Contact the registries and storage from the kernel's pod with these credentials",
      }),
    ),
    live.running ? h('div', { className: 'kc-hint', role: 'status' }, 'Checking from the kernel…') : null,
    live.message ? h('div', { className: 'kc-warning-line', role: 'status' }, live.message) : null,
    live.rows.length > 0
      ? h(
          'ul',
          { className: 'kc-list kc-checks', 'aria-label': 'Live check results' },
          live.rows.map(checkRow),
        )
      : !live.running && !live.message
        ? h(
            'div',
            { className: 'kc-hint' },
            canCheck
              ? 'Press Check to contact the registries and storage from the kernel (nothing is contacted otherwise).'
              : 'The check runs after the first probe.',
          )
        : null,
  );
}

function alternativesSection(alternatives: readonly AlternativeView[], actions: PanelActions): HTMLElement {
  return section(
    'alternatives',
    'Alternatives',
    alternatives.length === 0
      ? h('div', { className: 'kc-empty' }, 'No other provider is usable with what this kernel sees.')
      : h(
          'div',
          {},
          alternatives.map((a, i) =>
            h(
              'div',
              { className: 'kc-alternative' },
              h('div', { className: 'kc-alternative-title' }, a.title),
              h('pre', { className: 'kc-snippet' }, a.snippet),
              h(
                'div',
                { className: 'kc-actions' },
                button('Insert into notebook', () => actions.insertSnippet(a.snippet), {
                  key: `insert-${i}`,
                  title: 'Add this as a new code cell below the active cell of the active notebook',
                }),
                button('Copy', () => actions.copySnippet(a.snippet), {
                  key: `copy-${i}`,
                  title: 'Copy the snippet',
                }),
              ),
            ),
          ),
        ),
  );
}

function findingItem(f: Finding): HTMLElement {
  return h(
    'li',
    { className: `kc-finding kc-finding-${f.severity}` },
    h(
      'div',
      { className: 'kc-finding-head' },
      h(
        'span',
        { className: `kc-mark kc-severity-${f.severity}`, role: 'img', 'aria-label': f.severity },
        SEVERITY_GLYPH[f.severity],
      ),
      h('code', { className: 'kc-code' }, f.code),
    ),
    h('div', { className: 'kc-finding-message' }, f.message),
    f.location
      ? h('div', { className: 'kc-hint' }, `${f.location.file}:${f.location.line}:${f.location.column}`)
      : null,
    f.fix ? h('div', { className: 'kc-finding-fix' }, h('strong', {}, 'Fix: '), f.fix) : null,
  );
}

function findingGroups(groups: readonly FindingGroup[]): HTMLElement {
  if (groups.length === 0) return h('div', { className: 'kc-empty' }, 'No findings.');
  return h(
    'div',
    {},
    groups.map((g) =>
      h(
        'div',
        { className: `kc-group kc-group-${g.severity}` },
        h('h4', { className: 'kc-group-title' }, `${g.title} (${g.findings.length})`),
        h('ul', { className: 'kc-list' }, g.findings.map(findingItem)),
      ),
    ),
  );
}

function lintSection(lint: NonNullable<PanelView['lint']>): HTMLElement {
  const r = lint.result;
  const summary = `Linted ${r.files.length} file${r.files.length === 1 ? '' : 's'}, ${r.objects.length} object${r.objects.length === 1 ? '' : 's'}`;
  return section(
    'lint',
    'Lint of open manifests',
    h('div', { className: 'kc-hint' }, summary),
    findingGroups(groupFindings(r.findings)),
  );
}

function targetPicker(view: PanelView, actions: PanelActions): HTMLElement {
  const select = h(
    'select',
    { id: 'kc-target-select', className: 'kc-select', 'data-kc-key': 'target' },
    h(
      'option',
      { value: 'dedicated', selected: view.probeTarget === 'dedicated' },
      'a dedicated probe kernel',
    ),
    h('option', { value: 'active', selected: view.probeTarget === 'active' }, "the active notebook's kernel"),
  ) as HTMLSelectElement;
  select.addEventListener('change', () =>
    actions.setProbeTarget(select.value === 'active' ? 'active' : 'dedicated'),
  );
  return h(
    'div',
    { className: 'kc-field kc-target' },
    h('label', { for: 'kc-target-select', className: 'kc-label' }, 'Check with'),
    select,
  );
}

function toolbar(actions: PanelActions, hasResult: boolean): HTMLElement {
  return h(
    'div',
    { className: 'kc-toolbar', role: 'toolbar', 'aria-label': 'Kaptain Credentials actions' },
    button('Refresh', actions.refresh, {
      key: 'refresh',
      title: 'Check again through the kernel',
      primary: true,
    }),
    hasResult
      ? button('Generate manifests', actions.generateManifests, {
          key: 'manifests',
          title: 'Open Secret and PodDefault YAML in a new, unsaved editor',
        })
      : null,
    hasResult
      ? button('Copy kubectl commands', actions.copyKubectl, {
          key: 'kubectl',
          title: 'Copy kubectl commands that create the same objects (no secret in them)',
        })
      : null,
    button('Lint', actions.lint, { key: 'lint', title: 'Lint the YAML files open in the editor area' }),
  );
}

export function renderPanel(view: PanelView, actions: PanelActions): HTMLElement {
  const s = view.sections;
  const kernel =
    view.result?.kernel ??
    ('kernel' in view.state && typeof view.state.kernel === 'string' ? view.state.kernel : null);
  return h(
    'div',
    { className: 'kc-content' },
    h(
      'div',
      { className: 'kc-header' },
      h('h2', { className: 'kc-title' }, 'Kaptain Credentials'),
      kernel ? h('div', { className: 'kc-kernel', title: kernel }, `Kernel: ${kernel}`) : null,
    ),
    targetPicker(view, actions),
    toolbar(actions, view.result !== null),
    view.notice ? h('div', { className: 'kc-notice', role: 'status' }, view.notice) : null,
    banner(view, actions),
    s ? verdictBlock(s) : null,
    s ? dockerSection(s.docker, view, actions) : null,
    s ? storageSection(s.storage) : null,
    liveChecksSection(view.liveChecks, actions, view.result !== null),
    s ? alternativesSection(s.alternatives, actions) : null,
    s ? section('findings', 'Findings', findingGroups(s.findings)) : null,
    view.lint ? lintSection(view.lint) : null,
    view.result
      ? h('div', { className: 'kc-footer' }, `Checked at ${new Date(view.result.atMs).toLocaleTimeString()}`)
      : null,
  );
}
