// A council motion from start to end, the way member institutions carry
// one with any @polkadot/api client (docs/governance.md shows the same
// steps): a member proposes a call with a threshold, members vote, anyone
// closes it once the threshold is reached, and the proposer's deposit is
// released.

import { sendAndInclude } from './tx.js';

/** The `council.Executed` result among `events`, or `undefined`. */
export function executedResult(api, events) {
  const executed = events.find(({ event }) => api.events.council.Executed.is(event));
  return executed?.event.data.result;
}

/** A dispatch error as `pallet.Error` (or its kind); `none` for success. */
export function explain(api, dispatchError) {
  if (!dispatchError) return 'none';
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.type;
}

/**
 * Puts `call` to the council by `proposer` with `threshold` ayes needed, has
 * each of `voters` vote aye, then `closer` closes the motion and releases the
 * deposit. Resolves to what the call returned under the council's origin:
 * `'none'` or the error as `pallet.Error`.
 */
export async function carryMotion(api, { call, threshold, proposer, voters, closer }) {
  const length = call.method.encodedLength;
  const proposed = await sendAndInclude(api.tx.council.propose(threshold, call, length), proposer);
  if (proposed.dispatchError) throw new Error(`not proposed: ${explain(api, proposed.dispatchError)}`);
  const event = proposed.events.find(({ event: e }) => api.events.council.Proposed.is(e)).event;
  const { proposalIndex, proposalHash } = event.data;
  // Each from a different account: the votes can share a block.
  const votes = await Promise.all(
    voters.map((voter) => sendAndInclude(api.tx.council.vote(proposalHash, proposalIndex, true), voter)));
  for (const voted of votes) {
    if (voted.dispatchError) throw new Error(`vote refused: ${explain(api, voted.dispatchError)}`);
  }
  const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(call.method, length);
  const closed = await sendAndInclude(
    api.tx.council.close(proposalHash, proposalIndex, weight, length), closer);
  if (closed.dispatchError) throw new Error(`not closed: ${explain(api, closed.dispatchError)}`);
  const released = await sendAndInclude(api.tx.council.releaseProposalCost(proposalHash), closer);
  if (released.dispatchError) throw new Error(`deposit not released: ${explain(api, released.dispatchError)}`);
  const result = executedResult(api, closed.events);
  if (!result) throw new Error('the motion was not carried');
  return result.isOk ? 'none' : explain(api, result.asErr);
}
