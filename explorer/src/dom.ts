// Building the page: a small element builder instead of a UI library (the
// portal is a few pages of tables and forms; see docs/partner.md).

/** What an element may contain: nodes, text, nothing. */
export type Child = Node | string | number | null | undefined | false | Child[];

/** Attributes: strings, booleans (present or not) and event handlers (`on…`). */
export type Attributes = Record<string, string | number | boolean | ((event: Event) => void) | undefined>;

/** An element `tag` with `attributes` and `children`. */
export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** Appends `children` to `parent`, flattening arrays and skipping empty ones. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what `parent` holds with `children`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** A two-column list of label and value. */
export function facts(rows: [string, Child][]): HTMLElement {
  return h('dl', { class: 'facts' }, rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

/** A table with a header row. */
export function table(headings: string[], rows: Child[][]): HTMLElement {
  return h('div', { class: 'scroll' },
    h('table', {},
      h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell)))))));
}

/** A hash or address, shown whole, in a form that wraps on a phone. */
export function code(value: string): HTMLElement {
  return h('code', { class: 'hash' }, value);
}
