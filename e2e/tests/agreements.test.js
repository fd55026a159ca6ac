// End-to-end: a public-private partnership agreement on a real
// `civitas-node --dev`, driven by @polkadot/api as a wallet would. The demo
// world's city proposes, every party's signatory signs the terms hash, and
// the active agreement and its audit trail are read back from storage —
// with the terms hash and the trail's head recomputed here, client-side.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';

import {
  GREEN_FUND, NORTHBRIDGE, SOUTHPORT, TRAMWAY_BUILDERS, moduleError, parties, terms as baseTerms, withContract,
} from '../lib/demo-agreement.js';
import { committedHash } from '../lib/conditions-contract.js';
import { startDevNode } from '../lib/node.js';
import { sendAndInclude } from '../lib/tx.js';

describe('PPP agreements on a dev node', () => {
  let node;
  let api;
  let keys;
  let agreement;
  let termsHash;
  let terms;

  before(async () => {
    await cryptoWaitReady();
    node = await startDevNode();
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((n) => [n, keyring.addFromUri(`//${n}`)]));
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('the dev chain starts with the demo world', async () => {
    const names = [];
    for (let id = 0; id < 6; id += 1) {
      const record = (await api.query.registry.organisations(id)).unwrap();
      names.push([record.kind.toString(), record.name.toUtf8()]);
    }
    assert.deepEqual(names, [
      ['PublicAuthority', 'City of Northbridge'],
      ['PublicAuthority', 'City of Southport'],
      ['PrivatePartner', 'Tramway Builders SA'],
      ['Funder', 'European Green Investment Fund'],
      ['Verifier', 'Independent Engineers BV'],
      ['Auditor', 'Court of Auditors'],
    ]);
    const alice = (await api.query.registry.members(keys.Alice.address)).unwrap();
    assert.equal(alice.organisation.toNumber(), NORTHBRIDGE);
    assert.equal(alice.roles.signatory.isTrue, true);
  });

  test('terms naming unapproved code, no contract, or its contract with another code hash, are refused', async () => {
    const unreviewed = { ...baseTerms, conditions: { address: `0x${'42'.repeat(20)}`, codeHash: `0x${'83'.repeat(32)}` } };
    const unapproved = await sendAndInclude(api.tx.agreements.propose(parties, unreviewed), keys.Alice);
    assert.equal(moduleError(api, unapproved.dispatchError), 'agreements.ConditionsCodeNotApproved');
    const nowhere = { ...baseTerms, conditions: { address: `0x${'42'.repeat(20)}`, codeHash: committedHash } };
    const missing = await sendAndInclude(api.tx.agreements.propose(parties, nowhere), keys.Alice);
    assert.equal(moduleError(api, missing.dispatchError), 'agreements.NoConditionsContract');
    // Alice deploys a contract for the next agreement; terms naming it with
    // another approved code hash are refused too.
    terms = await withContract(api, keys);
    const other = `0x${'11'.repeat(32)}`;
    await sendAndInclude(api.tx.sudo.sudo(api.tx.governance.approveCode(other)), keys.Alice);
    const otherCode = { ...terms, conditions: { ...terms.conditions, codeHash: other } };
    const mismatch = await sendAndInclude(api.tx.agreements.propose(parties, otherCode), keys.Alice);
    assert.equal(moduleError(api, mismatch.dispatchError), 'agreements.ConditionsCodeMismatch');
    assert.equal((await api.query.agreements.nextAgreementId()).toNumber(), 0);
  });

  test('a city signatory proposes; the event carries the terms hash clients can recompute', async () => {
    agreement = (await api.query.agreements.nextAgreementId()).toNumber();
    const tx = api.tx.agreements.propose(parties, terms);
    const { dispatchError, events } = await sendAndInclude(tx, keys.Alice);
    assert.equal(dispatchError, undefined, moduleError(api, dispatchError));
    const proposed = events.find(({ event }) => api.events.agreements.Proposed.is(event)).event;
    assert.equal(proposed.data.agreement.toNumber(), agreement);
    assert.equal(proposed.data.title.toUtf8(), terms.title);
    termsHash = proposed.data.termsHash.toHex();

    // The hash a signatory signs is BLAKE2-256 of the SCALE-encoded terms:
    // a wallet or auditor encodes the terms it read and compares.
    const termsType = api.registry.createLookupType(api.tx.agreements.propose.meta.fields[1].type);
    assert.equal(blake2AsHex(api.createType(termsType, terms).toU8a(), 256), termsHash);

    const record = (await api.query.agreements.agreements(agreement)).unwrap();
    assert.equal(record.status.isDraft, true);
  });

  test('a non-party cannot sign, and a wrong hash is refused', async () => {
    const byVerifier = await sendAndInclude(api.tx.agreements.sign(agreement, termsHash), keys.Eve);
    assert.equal(moduleError(api, byVerifier.dispatchError), 'agreements.NotPartySignatory');
    const wrongHash = await sendAndInclude(api.tx.agreements.sign(agreement, `0x${'00'.repeat(32)}`), keys.Charlie);
    assert.equal(moduleError(api, wrongHash.dispatchError), 'agreements.TermsHashMismatch');
  });

  test('every party signs; the last signature activates the agreement', async () => {
    let last;
    for (const signer of [keys.Alice, keys.Charlie, keys.Bob, keys.Dave]) {
      last = await sendAndInclude(api.tx.agreements.sign(agreement, termsHash), signer);
      assert.equal(last.dispatchError, undefined, moduleError(api, last.dispatchError));
    }
    assert.ok(last.events.some(({ event }) => api.events.agreements.Activated.is(event)));

    const record = (await api.query.agreements.agreements(agreement)).unwrap();
    assert.equal(record.status.isActive, true);
    assert.equal(record.status.asActive.version.toNumber(), 0);
    const version = (await api.query.agreements.versions(agreement, 0)).unwrap();
    assert.equal(version.state.isInForce, true);
    assert.equal(version.termsHash.toHex(), termsHash);
    assert.equal(version.terms.title.toUtf8(), terms.title);
    assert.deepEqual(
      version.signatures.map((s) => s.organisation.toNumber()),
      [NORTHBRIDGE, TRAMWAY_BUILDERS, SOUTHPORT, GREEN_FUND],
    );
    // The draft deposit went back to Alice.
    const holds = await api.query.balances.holds(keys.Alice.address);
    assert.equal(holds.filter((hold) => hold.id.isAgreements).length, 0);
  });

  test('the audit trail holds every action and its head is the hash chain of its entries', async () => {
    const trail = (await api.query.auditTrail.trails(agreement)).unwrap();
    const entries = [];
    for (let index = 0; index < trail.len.toNumber(); index += 1) {
      entries.push((await api.query.auditTrail.entries(agreement, index)).unwrap());
    }
    assert.deepEqual(entries.map((e) => e.action.toString()), [
      'AgreementProposed',
      'AgreementSigned', 'AgreementSigned', 'AgreementSigned', 'AgreementSigned',
      'AgreementActivated',
    ]);
    assert.equal(entries[0].data.toHex(), termsHash);
    assert.equal(entries[1].actor.asAccount.toString(), keys.Alice.address);

    // head₀ = blake2("civitas/audit-trail/v1" ‖ u32 LE id); headₙ₊₁ = blake2(headₙ ‖ SCALE(entry)).
    const id = new Uint8Array(4);
    new DataView(id.buffer).setUint32(0, agreement, true);
    let head = blake2AsU8a(u8aConcat(stringToU8a('civitas/audit-trail/v1'), id), 256);
    for (const entry of entries) head = blake2AsU8a(u8aConcat(head, entry.toU8a()), 256);
    assert.equal(u8aToHex(head), trail.head.toHex());
  });
});
