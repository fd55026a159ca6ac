// Connecting to a node as a wallet or an auditor's script does, and the
// development accounts' keys: for the tests outside e2e/ (the network's
// upgrade test) that drive the ledger through this package's helpers.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** An API client of the node at `wsUrl`, once it has read the metadata. */
export function connect(wsUrl) {
  return ApiPromise.create({ provider: new WsProvider(wsUrl), noInitWarn: true });
}

/** The sr25519 keys of the development accounts `names` (`//Alice` ...), by name. */
export async function devKeys(names) {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  return Object.fromEntries(names.map((name) => [name, keyring.addFromUri(`//${name}`)]));
}
