// Submitting signed transactions the way a wallet does.

/**
 * Signs and sends `tx`; resolves once its block is finalised, or, with
 * `{ inBlock: true }`, once it is in the best block.
 */
function send(tx, signer, { inBlock }) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, (result) => {
      const { status, dispatchError, txIndex, events } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isFinalized || (inBlock && status.isInBlock)) {
        unsubscribe();
        const blockHash = status.isFinalized ? status.asFinalized : status.asInBlock;
        resolve({ blockHash, dispatchError, txIndex, events });
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}

/** Signs and sends `tx`, resolving once its block is finalised. */
export function sendAndFinalize(tx, signer) {
  return send(tx, signer, { inBlock: false });
}

/**
 * Signs and sends `tx`, resolving once it is in a block. On the single-author
 * dev chain a block cannot be replaced, so the tests that check finality
 * itself (dev-chain.test.js) wait for it; the others save its two blocks.
 */
export function sendAndInclude(tx, signer) {
  return send(tx, signer, { inBlock: true });
}
