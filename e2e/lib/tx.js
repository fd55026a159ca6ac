// Submitting signed transactions the way a wallet does.

/** Signs and sends `tx`, resolving once its block is finalised. */
export function sendAndFinalize(tx, signer) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    tx.signAndSend(signer, (result) => {
      const { status, dispatchError, txIndex, events } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`transaction ${status.type}`));
      } else if (status.isFinalized) {
        unsubscribe();
        resolve({ blockHash: status.asFinalized, dispatchError, txIndex, events });
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
}
