// The portal's entry: connects to the node, draws the header, and routes
// the address's fragment to a page. Every page has a stable address:
//   #/                                   chain status
//   #/organisations                      organisations
//   #/agreements?stage=…&organisation=…  agreements, filtered
//   #/agreements/A                       one agreement
//   #/agreements/A/milestones/M          …scrolled to a milestone
//   #/agreements/A/payouts/P             …scrolled to a payout
//   #/propose                            a new agreement (with a wallet)
//   #/council                            the council: seats, motions, votes

import './style.css';

import { Chain, chooseEndpoint, endpoint, RpcError } from './chain';
import { Context } from './context';
import { h, replace } from './dom';
import { agreementPage } from './pages/agreement';
import { agreementsPage } from './pages/agreements';
import { councilPage } from './pages/council';
import { organisationsPage } from './pages/organisations';
import { proposePage } from './pages/propose';
import { statusPage } from './pages/status';
import { text } from './text';
import { walletBar } from './wallet/bar';

const main = document.getElementById('main') as HTMLElement;
const top = document.getElementById('top') as HTMLElement;
/** What the last transaction sent from here came to; stays across re-renders. */
const notice = document.getElementById('notice') as HTMLElement;

const wallet = h('div', { class: 'wallet' });

/** The header: the portal's name, its pages, and the node it talks to. */
function header(address: string): void {
  const input = h('input', { type: 'url', name: 'endpoint', value: address, 'aria-label': text.endpointLabel, size: 28 });
  replace(top,
    h('nav', { 'aria-label': text.title },
      h('a', { href: '#/', class: 'brand' }, text.title),
      h('a', { href: '#/' }, text.nav.status),
      h('a', { href: '#/organisations' }, text.nav.organisations),
      h('a', { href: '#/agreements' }, text.nav.agreements),
      h('a', { href: '#/propose' }, text.nav.propose),
      h('a', { href: '#/council' }, text.nav.council)),
    h('form', {
      class: 'endpoint',
      onsubmit: (event: Event) => {
        event.preventDefault();
        chooseEndpoint((input as HTMLInputElement).value.trim());
      },
    }, h('label', {}, text.nav.endpoint, ' ', input), ' ', h('button', { type: 'submit' }, text.endpointSave)),
    wallet);
}

let stopPage: (() => void) | null = null;

/** How a page is drawn again: see `route`. */
interface Redraw {
  /** The focus stays where it is (the user chose an account or sent a transaction). */
  keepFocus?: boolean;
  /** The page stays as it is until the new one is ready (a re-read after a transaction, same account). */
  keepPage?: boolean;
}

/**
 * Shows the page the fragment names. The focus goes to the content, or to
 * the element a stable link names, unless `keepFocus`; a "Loading" line
 * stands in for the page while it is read, unless `keepPage`.
 */
function route(context: Context, redraw: Redraw = {}): Promise<void> {
  // One at a time, in order: a re-read the wallet asks for while the page
  // is still being drawn must not interleave with it.
  routing = routing.then(() => show(context, redraw));
  return routing;
}

let routing: Promise<void> = Promise.resolve();

/** Draws the page the fragment names (see `route`). */
async function show(context: Context, { keepFocus = false, keepPage = false }: Redraw): Promise<void> {
  stopPage?.();
  stopPage = null;
  const [path, query = ''] = window.location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  // While a page is drawn (tests wait for the flag to go). A re-read after
  // a transaction keeps the page until the new one is ready (no flash, no
  // lost place); another account's page must not show the last one's forms.
  document.body.dataset.rendering = 'true';
  if (!keepPage) replace(main, h('p', { role: 'status' }, text.loading));
  try {
    if (parts.length === 0) {
      stopPage = await statusPage(context, main);
    } else if (parts[0] === 'organisations' && parts.length === 1) {
      await organisationsPage(context, main);
    } else if (parts[0] === 'agreements' && parts.length === 1) {
      await agreementsPage(context, main, new URLSearchParams(query));
    } else if (parts[0] === 'propose' && parts.length === 1) {
      await proposePage(context, main);
    } else if (parts[0] === 'council' && parts.length === 1) {
      await councilPage(context, main);
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
  if (!keepFocus && !parts.includes('milestones') && !parts.includes('payouts')) main.focus();
  // Which address the page now shows (tests wait for it; a fragment change
  // does not reload the page).
  document.body.dataset.rendered = window.location.hash || '#/';
  delete document.body.dataset.rendering;
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
  context.finished = (action, said) => {
    replace(notice, h('p', { class: 'match', 'data-action': action }, said));
    void route(context, { keepFocus: true, keepPage: true }).then(() => notice.focus());
  };
  context.sending = () => replace(notice);
  window.addEventListener('hashchange', () => void route(context));
  // An account this tab acted as before is chosen again, which draws the page.
  await walletBar(context, wallet, () => route(context, { keepFocus: true }));
  if (!context.acting) await route(context);
  document.body.dataset.ready = 'true';
}

void start();
