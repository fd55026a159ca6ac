// The form every wallet action is: its fields, a button that builds the
// transaction (or says why it cannot), and the transaction's progress
// under it. When the transaction is finalised the page says so and reads
// the chain again.

import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { EventRecord } from '@polkadot/types/interfaces';

import type { Context } from '../context';
import { type Child, h } from '../dom';
import { text } from '../text';
import type { Acting } from './extension';
import { progressView } from './progress';
import { send } from './submit';

/** A transaction to send, or the sentence that says what to fix first. */
export type Built = SubmittableExtrinsic<'promise'> | string;

/** One action: its name (the form's `data-action`), heading, fields and transaction. */
export interface Action {
  name: string;
  heading: string;
  /** What the user should know before signing (hashes recomputed here, the state of things). */
  about?: Child[];
  controls?: Child[];
  button: string;
  build: () => Promise<Built> | Built;
  /** Where the notice should link once it is done (a new agreement's page), from its events. */
  link?: (events: EventRecord[]) => string | null;
}

/** A labelled form control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), control, hint ? h('span', { class: 'hint' }, hint) : null);
}

/** The form of `action`, sent from `acting`'s wallet. */
export function actionForm(context: Context, acting: Acting, action: Action): HTMLElement {
  const { element: progress, report } = progressView();
  const submit = h('button', { type: 'submit' }, action.button) as HTMLButtonElement;
  return h('form', {
    class: 'action',
    'data-action': action.name,
    onsubmit: async (event: Event) => {
      event.preventDefault();
      submit.disabled = true;
      context.sending();
      report({ state: 'preparing' });
      try {
        const tx = await action.build();
        if (typeof tx === 'string') {
          report({ state: 'failed', reason: tx });
          return;
        }
        const done = await send(context, acting, tx, report);
        if (!done) return;
        const link = action.link?.(done.events) ?? null;
        context.finished(action.name, [text.wallet.finishedNotice(action.heading, done.block),
          link ? [' ', h('a', { href: link }, text.wallet.open)] : null]);
      } catch (error) {
        report({ state: 'failed', reason: text.wallet.cannotBuild(error instanceof Error ? error.message : String(error)) });
      } finally {
        submit.disabled = false;
      }
    },
  }, h('h3', {}, action.heading), action.about ?? null, action.controls ?? null, submit, progress);
}
