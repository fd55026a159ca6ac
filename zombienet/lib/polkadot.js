// The @polkadot packages, loaded as CommonJS.
//
// Zombienet's orchestrator requires them as CommonJS; importing them as ES
// modules here as well would load a second copy of each (and print
// "@polkadot/util has multiple versions" on every run). One copy it is.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { ApiPromise, WsProvider } = require('@polkadot/api');
export const { Keyring } = require('@polkadot/keyring');
export const { hexToU8a, u8aToHex } = require('@polkadot/util');
export const { blake2AsHex, cryptoWaitReady, xxhashAsHex } = require('@polkadot/util-crypto');
