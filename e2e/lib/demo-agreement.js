// The demo agreement the end-to-end tests build on: the tram line between
// the demo world's two cities (docs/demo-world.md), and how to make it active.

import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, sha256AsU8a } from '@polkadot/util-crypto';

import { deployConditions, openConditions } from './conditions-contract.js';
import { tokenConstants } from './runtime-constants.js';
import { sendAndInclude } from './tx.js';

export const CIV = 10n ** BigInt(tokenConstants().decimals);
const DAY = 86_400_000;
const START = 1_798_761_600_000; // 2027-01-01T00:00:00Z

// The demo world's organisations.
export const NORTHBRIDGE = 0;
export const SOUTHPORT = 1;
export const TRAMWAY_BUILDERS = 2;
export const GREEN_FUND = 3;
export const ENGINEERS = 4;
export const COURT = 5;

/**
 * The organisation account of organisation `id` (docs/finance-officer.md):
 * `modl`, the registry's `cvt/orgs`, the id as a little-endian u32, zeros
 * to 32 bytes. No one holds its key: pledges are held on it, payouts
 * arrive there, and it spends only by its signatories' approvals.
 */
export function organisationAccount(id) {
  const account = new Uint8Array(32);
  account.set(stringToU8a('modlcvt/orgs'));
  new DataView(account.buffer).setUint32(12, id, true);
  return u8aToHex(account);
}

/**
 * The hash every party approves for a proposed pool (docs/pools.md):
 * BLAKE2-256 of the SCALE encoding of (agreement, target, deadline,
 * required co-funders), recomputed from the pool record as read.
 */
export function poolParameters(record) {
  return blake2AsHex(
    u8aConcat(record.agreement.toU8a(), record.target.toU8a(), record.deadline.toU8a(), record.required.toU8a()),
    256,
  );
}

/**
 * The demo agreement's other parties (Southport, Tramway Builders, the fund)
 * approve the parameters of `pool`, which Northbridge proposed: it takes
 * pledges once the last has approved. Returns the last approval's events.
 */
export async function approvePool(api, keys, pool) {
  const record = (await api.query.pools.pools(pool)).unwrap();
  const parameters = poolParameters(record);
  let result;
  for (const name of ['Bob', 'Charlie', 'Dave']) {
    result = await submit(api, api.tx.pools.approvePool(pool, parameters), keys[name]);
  }
  return result;
}

export const parties = [
  { organisation: NORTHBRIDGE, role: 'PublicAuthority' },
  { organisation: TRAMWAY_BUILDERS, role: 'PrivateParty' },
  { organisation: SOUTHPORT, role: 'Funder' },
  { organisation: GREEN_FUND, role: 'Funder' },
];

// A verifier of a designated verifier organisation (the engineers) and a
// finance officer of any party (not the payee) judge each milestone.
const approval = [
  { role: 'Verifier', count: 1, from: 'Verifiers' },
  { role: 'FinanceOfficer', count: 1, from: 'AnyParty' },
];
const contractPdf = stringToU8a('Tram line 3 concession contract, signed copy');

export const terms = {
  title: 'Tram line 3: Northbridge to Southport',
  value: 10_000_000n * CIV,
  period: { start: START, end: START + 3 * 365 * DAY },
  milestones: [
    { amount: 3_000_000n * CIV, due: START + 180 * DAY, kind: 'Delivery', approval },
    { amount: 5_000_000n * CIV, due: START + 540 * DAY, kind: 'Delivery', approval },
    { amount: 2_000_000n * CIV, due: START + 900 * DAY, kind: 'Payment', approval },
  ],
  retention: 50_000, // 5 %
  latePenaltyPerDay: 1_000, // 0.1 %
  // No `conditions`: each agreement names a contract deployed for it
  // (`withContract`), as terms may name no other.
  // The engineers verify milestones; the court audits payouts (only an
  // auditor organisation the terms designate may open recoveries).
  verifiers: [ENGINEERS, COURT],
  documents: [{ kind: 'ContractSigned', sha256: u8aToHex(sha256AsU8a(contractPdf)), uri: 'https://northbridge.example/tram-3/contract.pdf' }],
};

/** The signatories of the parties, in signing order. */
export const signatories = ['Alice', 'Charlie', 'Bob', 'Dave'];

/** The module error a failed dispatch carries, as `pallet.Error`. */
export function moduleError(api, dispatchError) {
  if (!dispatchError?.isModule) return dispatchError?.toString();
  const { section, name } = api.registry.findMetaError(dispatchError.asModule);
  return `${section}.${name}`;
}

/** Sends `tx` signed by `signer`, failing with the module error if it fails. */
export async function submit(api, tx, signer) {
  const result = await sendAndInclude(tx, signer);
  if (result.dispatchError) throw new Error(moduleError(api, result.dispatchError));
  return result;
}

/**
 * `base` terms naming a funding-conditions contract that Alice (Northbridge's
 * finance officer) deploys for the next agreement from the reference code
 * the dev chain approves at genesis, with conditions that constrain nothing.
 */
export async function withContract(api, keys, base = terms) {
  const agreement = (await api.query.agreements.nextAgreementId()).toNumber();
  const conditions = await deployConditions(api, keys.Alice, openConditions(agreement));
  return { ...base, conditions };
}

/**
 * Alice proposes the demo agreement (or `withTerms`; without a contract,
 * one is deployed for it) and every party signs it; returns its id.
 */
export async function activateDemoAgreement(api, keys, withTerms = terms) {
  const named = withTerms.conditions ? withTerms : await withContract(api, keys, withTerms);
  const agreement = (await api.query.agreements.nextAgreementId()).toNumber();
  const { events } = await submit(api, api.tx.agreements.propose(parties, named), keys.Alice);
  const proposed = events.find(({ event }) => api.events.agreements.Proposed.is(event)).event;
  const termsHash = proposed.data.termsHash.toHex();
  // Different accounts: their signatures can share a block.
  await Promise.all(signatories.map((name) => submit(api, api.tx.agreements.sign(agreement, termsHash), keys[name])));
  const record = (await api.query.agreements.agreements(agreement)).unwrap();
  if (!record.status.isActive) throw new Error(`agreement ${agreement} is ${record.status.type}, not active`);
  return agreement;
}
