// The only way the renderer builds DOM: createElement, attributes and text nodes. Nothing here (or anywhere in
// the renderer) parses a string as markup, so a server string can only ever become text.

export type Child = Node | string | number | null | undefined | false;

type Handlers = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

export interface Props {
  class?: string;
  text?: string;
  on?: Handlers;
  /** Any other key becomes an attribute; false, null and undefined leave it out, true sets it empty. */
  [attribute: string]: string | number | boolean | null | undefined | Handlers;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes?: Record<string, string | number> | null,
  ...children: SVGElement[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

function applyProps(element: HTMLElement, props: Props | null | undefined): void {
  if (!props) return;
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = String(value);
    else if (key === 'text') element.textContent = String(value);
    else if (key === 'on') {
      for (const [type, listener] of Object.entries(value as Handlers)) {
        element.addEventListener(type, listener as EventListener);
      }
    } else element.setAttribute(key, value === true ? '' : String(value));
  }
}

/** Sets or removes an attribute; the common case when a view updates in place. */
export function setAttr(element: Element, name: string, value: string | boolean | null): void {
  if (value === false || value === null) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : value);
}

/** Sets text only when it changed, so ticking updates do not disturb screen readers or selection. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Text that is read by screen readers but not shown. */
export function srOnly(text: string): HTMLSpanElement {
  return h('span', { class: 'sr-only', text });
}
