// Checking an agreement's audit trail: the head the chain stores must be
// the hash chain of every entry (docs/auditor.md, "Proving an audit trail
// complete"), recomputed here in the browser.

import { hexToU8a, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

import type { Context } from '../context';
import { h, replace } from '../dom';
import { text } from '../text';

/** What the trail's first head is computed from (the runtime's `genesis_head`). */
const DOMAIN = 'civitas/audit-trail/v1';

/** The head before any entry of `agreement`'s trail. */
export function genesisHead(agreement: number): Uint8Array {
  const id = new Uint8Array(4);
  new DataView(id.buffer).setUint32(0, agreement, true);
  return blake2AsU8a(u8aConcat(stringToU8a(DOMAIN), id), 256);
}

/** A button that recomputes the head of `agreement`'s trail and compares. */
export function trailCheck(context: Context, agreement: number): HTMLElement {
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const run = async () => {
    // Every page at one block, so that entries added meanwhile cannot mix in.
    const at = (await context.chain.api.rpc.chain.getBlockHash()).toHex();
    let head = genesisHead(agreement);
    let from = 0;
    let stored = '';
    let length = 0;
    do {
      const page = await context.chain.civitas('auditTrail', [agreement, from, 100, at]);
      stored = page.head;
      length = page.length;
      for (const entry of page.entries as Array<{ encoded: string }>) {
        head = blake2AsU8a(u8aConcat(head, hexToU8a(entry.encoded)), 256);
      }
      from += page.entries.length;
      replace(result, text.trailCheck.running(from, length));
      if (page.entries.length === 0) break;
    } while (from < length);
    const computed = u8aToHex(head);
    const matches = computed === stored;
    result.className = `result ${matches ? 'match' : 'mismatch'}`;
    replace(result, matches ? text.trailCheck.match(from, stored) : text.trailCheck.mismatch(computed, stored));
  };
  return h('div', { class: 'trail-check' },
    h('p', { class: 'hint' }, text.trailCheck.explain),
    h('button', { type: 'button', onclick: () => void run() }, text.trailCheck.button),
    result);
}
