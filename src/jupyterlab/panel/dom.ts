/** A tiny element builder: the panel is plain DOM (no React), re-rendered from the view model on each change. */

type Child = Node | string | null | undefined | false;

export interface Attributes {
  readonly [name: string]: string | number | boolean | undefined | ((event: Event) => void);
}

export function h(tag: string, attributes: Attributes = {}, ...children: (Child | Child[])[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (name === 'className') element.className = String(value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A real button: keyboard reachable, labelled by its text (and a title saying more). */
export function button(
  label: string,
  onClick: () => void,
  options: { title?: string; key: string; primary?: boolean },
): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      className: `kc-button${options.primary ? ' kc-button-primary' : ''}`,
      title: options.title,
      'data-kc-key': options.key,
      onclick: () => onClick(),
    },
    label,
  );
}
