// Governance on the network the way member institutions do it: a signed
// transaction waited for until it is in a block, and a council motion put,
// voted and closed (docs/governance.md).

/** Signs and sends `tx` as `signer`; resolves with its events once in a block, rejects if it failed. */
export function submit(api, tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, ({ status, dispatchError, events }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isInBlock) {
        unsubscribe();
        if (dispatchError) {
          const why = dispatchError.isModule
            ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(dispatchError.asModule))
            : dispatchError.type;
          reject(new Error(`refused: ${why}`));
        } else {
          resolve(events);
        }
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

/**
 * Puts `call` to the council with `threshold`, `voters` vote aye, the
 * first voter closes it and releases the deposit. Resolves once the call
 * ran; rejects with its error if the council's origin was refused.
 */
export async function carryMotion(api, call, threshold, voters) {
  const length = call.method.encodedLength;
  const proposed = await submit(api, api.tx.council.propose(threshold, call, length), voters[0]);
  const { proposalIndex, proposalHash } = proposed
    .find(({ event }) => api.events.council.Proposed.is(event)).event.data;
  for (const voter of voters) await submit(api, api.tx.council.vote(proposalHash, proposalIndex, true), voter);
  const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(call.method, length);
  const closed = await submit(api, api.tx.council.close(proposalHash, proposalIndex, weight, length), voters[0]);
  await submit(api, api.tx.council.releaseProposalCost(proposalHash), voters[0]);
  const executed = closed.find(({ event }) => api.events.council.Executed.is(event));
  if (!executed) throw new Error('the motion was not carried');
  const { result } = executed.event.data;
  if (result.isErr) {
    const error = result.asErr;
    throw new Error(error.isModule ? JSON.stringify(api.registry.findMetaError(error.asModule)) : error.type);
  }
}
