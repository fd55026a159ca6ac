// Sending a transaction from the portal: the fee first, then the wallet's
// signature, then its progress (submitted, in a block, finalised), and a
// failure said in a sentence from the runtime's own error documentation.

import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';

import type { Context } from '../context';
import { amount } from '../format';
import { text } from '../text';
import type { Acting } from './extension';

/** What a transaction's progress reports. */
export type Progress =
  | { state: 'preparing' }
  | { state: 'fee'; fee: string }
  | { state: 'signing' }
  | { state: 'submitted' }
  | { state: 'inBlock'; block: string }
  | { state: 'finalised'; block: string }
  | { state: 'failed'; reason: string };

/** A transaction that reached finality: its block and its events. */
export interface Finalised {
  block: string;
  events: EventRecord[];
}

/** A failed dispatch as a sentence: the error's docs from the metadata, and its name. */
export function explain(context: Context, error: DispatchError): string {
  if (error.isModule) {
    const { section, name, docs } = context.chain.api.registry.findMetaError(error.asModule);
    const sentence = docs.join(' ').trim();
    return text.wallet.moduleError(sentence || name, `${section}.${name}`);
  }
  if (error.isToken) return text.wallet.tokenError(error.asToken.type);
  if (error.isBadOrigin) return text.wallet.badOrigin;
  return text.wallet.otherError(error.type);
}

/** The decimal amount a user typed ("1,500.25") in the token's smallest unit. */
export function parseAmount(typed: string, decimals: number): bigint | null {
  const cleaned = typed.replace(/[,\s]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2] ?? '').length > decimals) return null;
  return BigInt(match[1]) * 10n ** BigInt(decimals) + BigInt((match[2] ?? '').padEnd(decimals, '0') || '0');
}

/** A positive amount the user typed, in the smallest unit of the chain's token, or null. */
export function positiveAmount(context: Context, typed: string): bigint | null {
  const planck = parseAmount(typed, context.chain.api.registry.chainDecimals[0] ?? 12);
  return planck === null || planck === 0n ? null : planck;
}

/**
 * Estimates `tx`'s fee, has `acting`'s wallet sign it (with the metadata
 * hash when the wallet offers it) and follows it to finality, reporting
 * each step to `report`. Resolves with the finalised block's hash and
 * the transaction's events, or null if it failed.
 */
export async function send(
  context: Context,
  acting: Acting,
  tx: SubmittableExtrinsic<'promise'>,
  report: (progress: Progress) => void,
): Promise<Finalised | null> {
  const info = await tx.paymentInfo(acting.address);
  const decimals = context.chain.api.registry.chainDecimals[0] ?? 12;
  const fee = info.partialFee.toBigInt();
  const whole = `${fee / 10n ** BigInt(decimals)}.${(fee % 10n ** BigInt(decimals)).toString().padStart(decimals, '0')}`;
  report({ state: 'fee', fee: amount(whole, context.symbol) });
  report({ state: 'signing' });
  return new Promise<Finalised | null>((resolve) => {
    let unsubscribe: (() => void) | null = null;
    let done = false;
    const finish = (block: Finalised | null) => {
      done = true;
      unsubscribe?.();
      resolve(block);
    };
    // A wallet may return the transaction it signed (with the metadata
    // hash, mode 1, as Ledger's generic app requires); it may not change
    // the call the user was shown (the API checks it, though its option
    // type does not name the flag).
    const options = { signer: acting.signer, withSignedTransaction: true, allowCallDataAlteration: false };
    tx.signAndSend(acting.address, options, (result) => {
      if (result.status.isReady || result.status.isBroadcast) report({ state: 'submitted' });
      if (result.status.isInBlock) {
        if (result.dispatchError) {
          report({ state: 'failed', reason: explain(context, result.dispatchError) });
          finish(null);
          return;
        }
        report({ state: 'inBlock', block: result.status.asInBlock.toHex() });
      }
      if (result.status.isFinalized) {
        const block = result.status.asFinalized.toHex();
        report({ state: 'finalised', block });
        finish({ block, events: result.events });
      }
      if (result.status.isDropped || result.status.isInvalid || result.status.isUsurped) {
        report({ state: 'failed', reason: text.wallet.dropped(result.status.type) });
        finish(null);
      }
    }).then((stop) => {
      // The status may have ended the wait before the subscription was returned.
      if (done) stop(); else unsubscribe = stop;
    }, (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      // The node's refusals carry a JSON-RPC code ("1010: Invalid
      // Transaction: …"); anything else came from the wallet.
      const node = /^(\d+): (.*)$/.exec(message);
      const reason = node ? text.wallet.nodeRefused(node[2])
        // @polkadot/api's words when the wallet's transaction has another call.
        : message.includes('does not match the original payload') ? text.wallet.altered
          : text.wallet.refused(message);
      report({ state: 'failed', reason });
      resolve(null);
    });
  });
}
