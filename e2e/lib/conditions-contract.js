// The committed funding-conditions contract (contracts/artifacts/), and how
// a finance officer deploys an instance of it for one agreement. Terms may name
// only a contract that holds their own agreement's conditions (the
// agreements pallet reads them at `propose`), so every agreement the tests
// make gets one.

import { readFileSync } from 'node:fs';

import { Abi, CodePromise } from '@polkadot/api-contract';
import { u8aToHex } from '@polkadot/util';

import { sendAndInclude } from './tx.js';

const artifacts = new URL('../../contracts/artifacts/', import.meta.url);
export const codeHex = u8aToHex(readFileSync(new URL('funding_conditions.polkavm', artifacts)));
export const metadata = JSON.parse(readFileSync(new URL('funding_conditions.json', artifacts), 'utf8'));
export const committedHash = readFileSync(new URL('funding_conditions.codehash', artifacts), 'utf8').trim();

/** Conditions of `agreement` that constrain nothing beyond the agreement itself. */
export function openConditions(agreement) {
  return {
    agreement,
    maxSinglePayout: null,
    cumulativeCap: null,
    minFunderShares: [],
    minPublicShare: null,
    retention: null,
    payoutDeadline: null,
    latePenaltyPerDay: null,
    requiredEvidence: [],
  };
}

/**
 * A finance officer (`signer`) instantiates the committed code, which the
 * dev chain approves at genesis, with `conditions`; resolves to the
 * `{ address, codeHash }` terms name.
 */
export async function deployConditions(api, signer, conditions) {
  const abi = new Abi(metadata, api.registry.getChainProperties());
  const gasLimit = api.registry.createType('WeightV2', { refTime: 100_000_000_000n, proofSize: 2n * 1024n * 1024n });
  const storageDepositLimit = 1_000n * 10n ** BigInt(api.registry.chainDecimals[0]);
  const tx = new CodePromise(api, abi, codeHex).tx.new({ gasLimit, storageDepositLimit }, conditions);
  const { dispatchError, events } = await sendAndInclude(tx, signer);
  if (dispatchError) throw new Error(`the contract was not deployed: ${dispatchError.toString()}`);
  const instantiated = events.find(({ event }) => api.events.revive.Instantiated.is(event)).event;
  return { address: instantiated.data.contract.toHex(), codeHash: committedHash };
}
