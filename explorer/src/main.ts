// The portal's entry: connects to the node, draws the header, and routes
// the address's fragment to a page. Every page has a stable address:
//   #/                                   chain status
//   #/organisations                      organisations
//   #/agreements?stage=…&organisation=…  agreements, filtered
//   #/agreements/A                       one agreement
//   #/agreements/A/milestones/M          …scrolled to a milestone
//   #/agreements/A/payouts/P             …scrolled to a payout

import './style.css';

import { Chain, chooseEndpoint, endpoint, RpcError } from './chain';
import { Context } from './context';
import { h, replace } from './dom';
import { agreementPage } from './pages/agreement';
import { agreementsPage } from './pages/agreements';
import { organisationsPage } from './pages/organisations';
import { statusPage } from './pages/status';
import { text } from './text';

const main = document.getElementById('main') as HTMLElement;
const top = document.getElementById('top') as HTMLElement;

/** The header: the portal's name, its pages, and the node it talks to. */
function header(address: string): void {
  const input = h('input', { type: 'url', name: 'endpoint', value: address, 'aria-label': text.endpointLabel, size: 28 });
  replace(top,
    h('nav', { 'aria-label': text.title },
      h('a', { href: '#/', class: 'brand' }, text.title),
      h('a', { href: '#/' }, text.nav.status),
      h('a', { href: '#/organisations' }, text.nav.organisations),
      h('a', { href: '#/agreements' }, text.nav.agreements)),
    h('form', {
      class: 'endpoint',
      onsubmit: (event: Event) => {
        event.preventDefault();
        chooseEndpoint((input as HTMLInputElement).value.trim());
      },
    }, h('label', {}, text.nav.endpoint, ' ', input), ' ', h('button', { type: 'submit' }, text.endpointSave)));
}

let stopPage: (() => void) | null = null;

/** Shows the page the fragment names. */
async function route(context: Context): Promise<void> {
  stopPage?.();
  stopPage = null;
  const [path, query = ''] = window.location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  replace(main, h('p', { role: 'status' }, text.loading));
  try {
    if (parts.length === 0) {
      stopPage = await statusPage(context, main);
    } else if (parts[0] === 'organisations' && parts.length === 1) {
      await organisationsPage(context, main);
    } else if (parts[0] === 'agreements' && parts.length === 1) {
      await agreementsPage(context, main, new URLSearchParams(query));
    } else if (parts[0] === 'agreements' && /^\d+$/.test(parts[1] ?? '')) {
      const focus = parts[2] === 'milestones' || parts[2] === 'payouts'
        ? `${parts[2].slice(0, -1)}-${parts[3]}`
        : null;
      stopPage = await agreementPage(context, main, Number(parts[1]), focus);
    } else {
      replace(main, h('p', {}, text.notFound));
    }
  } catch (error) {
    const why = error instanceof RpcError ? error.message : String(error instanceof Error ? error.message : error);
    replace(main, h('p', { class: 'error', role: 'alert' }, text.failed(why)));
  }
  if (!parts.includes('milestones') && !parts.includes('payouts')) main.focus();
  // Which address the page now shows (tests wait for it; a fragment change
  // does not reload the page).
  document.body.dataset.rendered = window.location.hash || '#/';
}

/** The skip link moves the focus to the page's content (not the fragment, which routes). */
function skipLink(): void {
  const skip = document.querySelector('a.skip') as HTMLAnchorElement;
  replace(skip, text.skip);
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
}

async function start(): Promise<void> {
  document.title = text.title;
  skipLink();
  const address = endpoint();
  header(address);
  replace(main, h('p', { role: 'status' }, text.connecting(address)));
  let chain: Chain;
  try {
    chain = await Chain.connect(address);
  } catch {
    replace(main, h('p', { class: 'error', role: 'alert' }, text.unreachable(address)));
    return;
  }
  const context = new Context(chain, chain.api.registry.chainTokens[0] ?? '');
  window.addEventListener('hashchange', () => void route(context));
  await route(context);
  document.body.dataset.ready = 'true';
}

void start();
