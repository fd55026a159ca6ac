// The wallet bar in the header: connect a wallet, choose the account to
// act as, and say which organisation and roles that account has. The
// choice is kept for the browser tab (sessionStorage), so that reloading
// the page keeps acting as the same account and two tabs may act as two.

import type { Context } from '../context';
import { h, replace } from '../dom';
import { words } from '../format';
import { text } from '../text';
import { actAs, walletAccounts } from './extension';

const REMEMBERED = 'civitas.account';

/**
 * Fills `bar` with the Connect button; `rerender` re-reads the page once
 * an account is chosen. Connects at once if this tab chose an account
 * before.
 */
export async function walletBar(context: Context, bar: HTMLElement, rerender: () => Promise<void>): Promise<void> {
  const connect = async () => {
    const accounts = await walletAccounts();
    if (accounts.length === 0) {
      replace(bar, h('p', { class: 'error', role: 'alert' }, text.wallet.noWallet));
      return;
    }
    const remembered = window.sessionStorage.getItem(REMEMBERED);
    const select = h('select', {
      name: 'account',
      'aria-label': text.wallet.account,
      // Choosing the account chosen last changes nothing: drawing the page
      // again would only wipe a form being filled in.
      onchange: () => {
        if (select.value !== chosen) void choose(select.value);
      },
    }, accounts.map((account) => h('option', { value: account.address, selected: account.address === remembered },
      account.name))) as HTMLSelectElement;
    const said = h('span', { class: 'acting', role: 'status' });
    let latest = 0;
    let chosen = '';
    const choose = async (address: string) => {
      const account = accounts.find((a) => a.address === address) ?? accounts[0];
      chosen = account.address;
      window.sessionStorage.setItem(REMEMBERED, account.address);
      // A quicker second choice wins over a slower first one.
      const choice = ++latest;
      const acting = await actAs(context, account.address, account.name);
      if (choice !== latest) return;
      context.acting = acting;
      replace(said, acting.organisation === null
        ? text.wallet.notMember(acting.name)
        : text.wallet.acting(acting.name, await context.name(acting.organisation), acting.roles.map(words).join(', ')));
      await rerender();
    };
    replace(bar, h('label', {}, text.wallet.account, ' ', select), ' ', said);
    await choose(select.value);
  };
  replace(bar, h('button', { type: 'button', onclick: () => void connect() }, text.wallet.connect));
  if (window.sessionStorage.getItem(REMEMBERED)) await connect();
}
