// The chain's status: best and finalised block, validators, runtime; live.

import type { Codec } from '@polkadot/types/types';

import type { Context } from '../context';
import { facts, h, replace } from '../dom';
import { text } from '../text';

/** Renders the status page into `main`; returns what stops its updates. */
export async function statusPage(context: Context, main: HTMLElement): Promise<() => void> {
  const { api } = context.chain;
  const best = h('span', { id: 'best' }, '…');
  const finalised = h('span', { id: 'finalised' }, '…');
  const authorities = (await api.query.aura.authorities()) as unknown as Codec[];
  const version = api.runtimeVersion;
  replace(main,
    h('h1', {}, text.status.heading),
    facts([
      [text.status.chain, api.runtimeChain.toString()],
      [text.status.best, best],
      [text.status.finalised, finalised],
      [text.status.runtime, text.status.runtimeVersion(version.specName.toString(), version.specVersion.toNumber())],
      [text.status.validators, h('ul', {}, authorities.map((key) => h('li', {}, h('code', { class: 'hash' }, key.toString()))))],
    ]),
    h('p', { class: 'hint' }, text.status.live));
  const stopBest = await api.rpc.chain.subscribeNewHeads((header) => {
    replace(best, `#${header.number.toNumber()}`);
  });
  const stopFinalised = await api.rpc.chain.subscribeFinalizedHeads((header) => {
    replace(finalised, `#${header.number.toNumber()}`);
  });
  return () => { stopBest(); stopFinalised(); };
}
