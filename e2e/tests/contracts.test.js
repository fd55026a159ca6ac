// End-to-end: the committed funding-conditions contract on a real
// `civitas-node --dev`, through @polkadot/api-contract (what contract UIs
// use): a finance officer uploads and instantiates the code the council
// approved, others cannot, code nobody approved cannot be instantiated, and
// dry-run queries over the ReviveApi runtime API answer allow or deny with a
// reason.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Abi, BlueprintPromise, CodePromise, ContractPromise } from '@polkadot/api-contract';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, keccakAsHex } from '@polkadot/util-crypto';

import { startDevNode } from '../lib/node.js';
import { tokenConstants } from '../lib/runtime-constants.js';
import { sendAndInclude } from '../lib/tx.js';

const constants = tokenConstants();
const CIV = 10n ** BigInt(constants.decimals);
const artifacts = new URL('../../contracts/artifacts/', import.meta.url);
const code = readFileSync(new URL('funding_conditions.polkavm', artifacts));
// As hex: @polkadot/api reads a raw Uint8Array given for `Bytes` as already
// SCALE-encoded (length prefix first), which would cut the code short.
const codeHex = u8aToHex(code);
const metadata = JSON.parse(readFileSync(new URL('funding_conditions.json', artifacts), 'utf8'));
const committedHash = readFileSync(new URL('funding_conditions.codehash', artifacts), 'utf8').trim();

const DAY = 86_400_000;
const DUE = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const INVOICE = 3;
const REPORT = 5;

/** 5 % retention, an invoice and a report required, the bank (3) ≥ 20 %. */
const conditions = {
  agreement: 1,
  maxSinglePayout: 1_000_000n * CIV,
  cumulativeCap: null,
  minFunderShares: [{ funder: 3, minShare: 200_000 }],
  minPublicShare: 500_000,
  retention: 50_000,
  payoutDeadline: { endDate: DUE + 365 * DAY, grace: 30 * DAY },
  latePenaltyPerDay: 1_000,
  requiredEvidence: [INVOICE, REPORT],
};

/** A compliant payout of 100 CIV: 80 from two cities, 20 from the bank. */
function query(payee, changes = {}) {
  return {
    agreement: 1,
    milestone: 0,
    payee,
    gross: 100n * CIV,
    penalty: 0,
    retention: 5n * CIV,
    paidToDate: 0,
    split: [
      { funder: 1, public: true, amount: 50n * CIV },
      { funder: 2, public: true, amount: 30n * CIV },
      { funder: 3, public: false, amount: 20n * CIV },
    ],
    dueDate: DUE,
    paymentDate: DUE,
    lateBy: 0,
    evidence: [INVOICE, REPORT],
    ...changes,
  };
}

/** A dispatch error as `pallet.Error` (or its kind), for assertion messages. */
function explain(api, dispatchError) {
  if (!dispatchError) return 'none';
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.type;
}

describe('funding-conditions contract on civitas-node --dev', () => {
  let node;
  let api;
  let alice;
  let bob;
  let ferdie;
  let abi;
  let contractAddress;

  before(async () => {
    await cryptoWaitReady();
    node = await startDevNode();
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: constants.ss58 });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
    // The demo court of auditors' admin: a member, but no finance officer.
    ferdie = keyring.addFromUri('//Ferdie');
    abi = new Abi(metadata, api.registry.getChainProperties());
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const gasLimit = () => api.registry.createType('WeightV2', {
    refTime: 10_000_000_000n,
    proofSize: 256n * 1024n,
  });

  test('the committed code hash is the keccak-256 of the committed code', () => {
    assert.equal(keccakAsHex(code), committedHash);
    assert.equal(metadata.source.hash, committedHash);
  });

  test('the development chain approved the committed code at genesis', async () => {
    const approval = await api.query.governance.approvedCode(committedHash);
    assert.ok(approval.isSome, 'the reference code is approved');
    const other = keccakAsHex(new Uint8Array([...code, 0]));
    assert.ok((await api.query.governance.approvedCode(other)).isNone, 'other code is not');
  });

  test('an account that is not a finance officer cannot upload code', async () => {
    const { dispatchError } = await sendAndInclude(
      api.tx.revive.uploadCode(codeHex, 1_000n * CIV), ferdie);
    assert.ok(dispatchError?.isBadOrigin, `expected BadOrigin, got ${explain(api, dispatchError)}`);
    assert.ok((await api.query.revive.pristineCode(committedHash)).isNone);
  });

  test('a finance officer uploads the code under its committed hash', async () => {
    const { dispatchError } = await sendAndInclude(
      api.tx.revive.uploadCode(codeHex, 1_000n * CIV), alice);
    assert.equal(explain(api, dispatchError), 'none');
    const stored = await api.query.revive.pristineCode(committedHash);
    assert.ok(stored.isSome, 'code stored under the committed hash');
    assert.equal(keccakAsHex(stored.unwrap()), committedHash);
  });

  test('an account that is not a finance officer cannot instantiate it', async () => {
    const blueprint = new BlueprintPromise(api, abi, committedHash);
    const tx = blueprint.tx.new({ gasLimit: gasLimit(), storageDepositLimit: 1_000n * CIV }, conditions);
    const { dispatchError } = await sendAndInclude(tx, ferdie);
    assert.ok(dispatchError?.isBadOrigin, `expected BadOrigin, got ${explain(api, dispatchError)}`);
  });

  test('code the council has not approved cannot be instantiated, even by a finance officer', async () => {
    // One byte more is another program, with another hash, never approved.
    const unapproved = new Uint8Array([...code, 0]);
    const blueprint = new CodePromise(api, abi, unapproved);
    const tx = blueprint.tx.new({ gasLimit: gasLimit(), storageDepositLimit: 1_000n * CIV }, conditions);
    const { dispatchError, events } = await sendAndInclude(tx, bob);
    assert.equal(explain(api, dispatchError), 'system.CallFiltered');
    assert.ok(!events.some(({ event }) => api.events.revive.Instantiated.is(event)));
    assert.ok((await api.query.revive.pristineCode(keccakAsHex(unapproved))).isNone);
  });

  test('a finance officer instantiates approved code with an agreement\'s conditions', async () => {
    const blueprint = new BlueprintPromise(api, abi, committedHash);
    const tx = blueprint.tx.new({ gasLimit: gasLimit(), storageDepositLimit: 1_000n * CIV }, conditions);
    const { dispatchError, events } = await sendAndInclude(tx, alice);
    assert.equal(explain(api, dispatchError), 'none');
    const instantiated = events.find(({ event }) => api.events.revive.Instantiated.is(event));
    assert.ok(instantiated, 'an Instantiated event');
    contractAddress = instantiated.event.data.contract.toHex();

    // What an auditor reads to check the code a contract runs.
    const info = await api.query.revive.accountInfoOf(contractAddress);
    assert.equal(info.unwrap().accountType.asContract.codeHash.toHex(), committedHash);

    const contract = new ContractPromise(api, abi, contractAddress);
    const { result, output } = await contract.query.conditions(alice.address, { gasLimit: gasLimit() });
    assert.ok(result.isOk, result.toString());
    const stored = output.toJSON().ok;
    assert.equal(stored.agreement, 1);
    assert.equal(stored.requiredEvidence, '0x0305'); // Vec<u8> reads back as bytes
    assert.equal(stored.retention, 50_000);
  });

  test('a dry-run of a compliant payout is allowed; violations are denied with their reason', async () => {
    assert.ok(contractAddress, 'the contract was instantiated');
    const contract = new ContractPromise(api, abi, contractAddress);
    const ask = async (q) => {
      const { result, output } = await contract.query.check(alice.address, { gasLimit: gasLimit() }, q);
      assert.ok(result.isOk, result.toString());
      return output.toJSON().ok;
    };
    const payee = bob.publicKey;

    assert.deepEqual(await ask(query(payee)), { allow: null });
    assert.deepEqual(await ask(query(payee, { evidence: [INVOICE] })), { deny: { missingEvidence: REPORT } });
    assert.deepEqual(await ask(query(payee, { retention: 5n * CIV - 1n })), { deny: { retentionTooLow: null } });
    assert.deepEqual(await ask(query(payee, { agreement: 2 })), { deny: { wrongAgreement: null } });
    assert.deepEqual(
      await ask(query(payee, { paymentDate: DUE + 2 * DAY, lateBy: 2 * DAY, penalty: 2n * CIV / 10n - 1n })),
      { deny: { penaltyTooLow: null } },
    );
    // Paid a month after the due date, delivered on time: nothing owed.
    assert.deepEqual(await ask(query(payee, { paymentDate: DUE + 30 * DAY })), { allow: null });
  });
});
