// End-to-end: a cross-city investment pool on a real `civitas-node --dev`,
// driven by @polkadot/api as a wallet would. Northbridge opens the pool of
// the active demo agreement; its finance officer pledges from Northbridge's
// organisation account and the pool waits for Southport, a required
// co-funder; Southport's pledge commits it. The holds, with their reasons,
// are read back from the balances pallet: on the organisation accounts,
// none on a member's key.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, sha256AsU8a } from '@polkadot/util-crypto';

import {
  CIV, NORTHBRIDGE, SOUTHPORT, activateDemoAgreement, moduleError, organisationAccount, poolParameters, submit,
} from '../lib/demo-agreement.js';
import { startDevNode } from '../lib/node.js';
import { sendAndInclude } from '../lib/tx.js';

const TARGET = 600_000n * CIV;
const northbridge = organisationAccount(NORTHBRIDGE);
const southport = organisationAccount(SOUTHPORT);

/** `who`'s holds by this pallet, as { reason: amount }. */
async function poolHolds(api, who) {
  const holds = await api.query.balances.holds(who);
  return Object.fromEntries(
    holds.filter((hold) => hold.id.isPools).map((hold) => [hold.id.asPools.toString(), hold.amount.toBigInt()]),
  );
}

describe('investment pools on a dev node', () => {
  let node;
  let api;
  let keys;
  let agreement;
  let pool;

  before(async () => {
    await cryptoWaitReady();
    node = await startDevNode();
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave'].map((n) => [n, keyring.addFromUri(`//${n}`)]));
    keys.AliceStash = keyring.addFromUri('//Alice//stash'); // Northbridge's second signatory
    agreement = await activateDemoAgreement(api, keys);
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('a city signatory proposes the pool; it takes pledges once every party approved it', async () => {
    pool = (await api.query.pools.nextPoolId()).toNumber();
    const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 200;
    const required = [
      { organisation: NORTHBRIDGE, minimum: { Share: 400_000 } }, // 40 % of the target
      { organisation: SOUTHPORT, minimum: { Amount: 150_000n * CIV } },
    ];
    const { events } = await submit(api, api.tx.pools.openPool(agreement, TARGET, deadline, required), keys.Alice);
    const opened = events.find(({ event }) => api.events.pools.PoolOpened.is(event)).event;
    assert.equal(opened.data.agreement.toNumber(), agreement);
    assert.equal(opened.data.target.toBigInt(), TARGET);
    const proposed = (await api.query.pools.pools(pool)).unwrap();
    assert.equal(proposed.status.isProposed, true);
    assert.equal((await api.query.pools.agreementPool(agreement)).unwrap().toNumber(), pool);
    assert.ok((await poolHolds(api, keys.Alice.address)).PoolDeposit > 0n);
    // No pledge before every party approved.
    const early = await sendAndInclude(api.tx.pools.pledge(pool, 1_000n * CIV), keys.Alice);
    assert.equal(moduleError(api, early.dispatchError), 'pools.PoolNotOpen');
    // Each party recomputes the hash from what it read; the event carries the same.
    const parameters = poolParameters(proposed);
    assert.equal(opened.data.parameters.toHex(), parameters);
    const wrong = await sendAndInclude(api.tx.pools.approvePool(pool, `0x${'00'.repeat(32)}`), keys.Bob);
    assert.equal(moduleError(api, wrong.dispatchError), 'pools.ParametersMismatch');
    for (const name of ['Bob', 'Charlie']) await submit(api, api.tx.pools.approvePool(pool, parameters), keys[name]);
    assert.equal((await api.query.pools.pools(pool)).unwrap().status.isProposed, true);
    const { events: last } = await submit(api, api.tx.pools.approvePool(pool, parameters), keys.Dave);
    assert.ok(last.some(({ event }) => api.events.pools.PledgingOpened.is(event)));
    assert.equal((await api.query.pools.pools(pool)).unwrap().status.isOpen, true);
  });

  test('the private partner cannot pledge', async () => {
    const { dispatchError } = await sendAndInclude(api.tx.pools.pledge(pool, 1_000n * CIV), keys.Charlie);
    assert.equal(moduleError(api, dispatchError), 'pools.NotCoFunderFinanceOfficer');
  });

  test('Northbridge pledges beyond the target; the pool waits for Southport', async () => {
    const free = (await api.query.system.account(northbridge)).data.free.toBigInt();
    await submit(api, api.tx.pools.pledge(pool, 450_000n * CIV), keys.Alice);
    await submit(api, api.tx.pools.pledge(pool, 200_000n * CIV), keys.Alice); // a top-up
    // Held on Northbridge's organisation account; Alice's key holds none of it.
    const holds = await poolHolds(api, northbridge);
    assert.equal(holds.Pledged, 650_000n * CIV);
    assert.equal((await poolHolds(api, keys.Alice.address)).Pledged, undefined);
    const after = (await api.query.system.account(northbridge)).data.free.toBigInt();
    assert.equal(free - after, 650_000n * CIV, 'the pledge leaves the organisation\'s free balance');
    const record = (await api.query.pools.pools(pool)).unwrap();
    assert.equal(record.status.isOpen, true, 'a required co-funder is missing');
    assert.equal(record.status.asOpen.pledged.toBigInt(), 650_000n * CIV);
  });

  test('Southport pledges its minimum; the pool commits and the holds become Committed', async () => {
    const { events } = await submit(api, api.tx.pools.pledge(pool, 150_000n * CIV), keys.Bob);
    const committed = events.find(({ event }) => api.events.pools.PoolCommitted.is(event)).event;
    assert.equal(committed.data.total.toBigInt(), 800_000n * CIV);
    assert.deepEqual(
      committed.data.shares.map((s) => [s.organisation.toNumber(), s.amount.toBigInt()]),
      [[NORTHBRIDGE, 650_000n * CIV], [SOUTHPORT, 150_000n * CIV]],
    );

    assert.deepEqual(await poolHolds(api, northbridge), { Committed: 650_000n * CIV });
    assert.deepEqual(await poolHolds(api, southport), { Committed: 150_000n * CIV });
    assert.deepEqual(await poolHolds(api, keys.Alice.address), {});
    assert.deepEqual(await poolHolds(api, keys.Bob.address), {});
    const record = (await api.query.pools.pools(pool)).unwrap();
    assert.equal(record.status.isCommitted, true);
    const escrow = (await api.query.pools.escrows(agreement)).unwrap();
    assert.equal(escrow.committed.toBigInt(), 800_000n * CIV);
    assert.equal(escrow.funders.length, 2);

    // Pledges after commitment are refused.
    const late = await sendAndInclude(api.tx.pools.pledge(pool, 1_000n * CIV), keys.Dave);
    assert.equal(moduleError(api, late.dispatchError), 'pools.PoolNotOpen');
  });

  test('an auditor reconciles the escrow with the holds (docs/auditor.md)', async () => {
    const escrow = (await api.query.pools.escrows(agreement)).unwrap();
    const sum = (f) => escrow.funders.reduce((s, x) => s + f(x).toBigInt(), 0n);
    const accounted = escrow.paid.toBigInt() + sum((x) => x.retained) + sum((x) => x.remaining)
      + escrow.recovered.toBigInt() + escrow.refunded.toBigInt();
    assert.equal(accounted, escrow.committed.toBigInt());
    for (const funder of escrow.funders) {
      const holds = await api.query.balances.holds(funder.account);
      const committed = holds.find((h) => h.id.isPools && h.id.asPools.isCommitted)?.amount.toBigInt() ?? 0n;
      // Each city co-funds this agreement only: the hold is exactly its share.
      assert.equal(committed, funder.remaining.toBigInt());
    }
  });

  test('the audit trail records the pool after the agreement', async () => {
    const trail = (await api.query.auditTrail.trails(agreement)).unwrap();
    const actions = [];
    for (let index = 0; index < trail.len.toNumber(); index += 1) {
      actions.push((await api.query.auditTrail.entries(agreement, index)).unwrap().action.toString());
    }
    assert.deepEqual(actions.slice(-9), [
      'PoolOpened', 'PoolApproved', 'PoolApproved', 'PoolApproved', 'PoolApproved',
      'Pledged', 'Pledged', 'Pledged', 'PoolCommitted',
    ]);
  });

  test('Northbridge\'s organisation account pays out only on two signatories\' approval', async () => {
    const payee = keys.Dave.address;
    const before = (await api.query.system.account(payee)).data.free.toBigInt();
    const spend = (await api.query.registry.nextSpendId()).toNumber();
    const order = u8aToHex(sha256AsU8a(stringToU8a('Northbridge payment order 2027/113')));
    await submit(api, api.tx.registry.proposeSpend(NORTHBRIDGE, payee, 1_000n * CIV, order), keys.Alice);
    // One signature moves nothing: the spend waits.
    assert.equal((await api.query.system.account(payee)).data.free.toBigInt(), before);
    const waiting = (await api.query.registry.spends(NORTHBRIDGE, spend)).unwrap();
    assert.deepEqual(waiting.approvals.map((a) => a.toString()), [keys.Alice.address]);
    // Alice cannot approve twice; a member of another organisation cannot approve at all.
    const again = await sendAndInclude(api.tx.registry.approveSpend(NORTHBRIDGE, spend), keys.Alice);
    assert.equal(moduleError(api, again.dispatchError), 'registry.AlreadyApproved');
    const stranger = await sendAndInclude(api.tx.registry.approveSpend(NORTHBRIDGE, spend), keys.Bob);
    assert.equal(moduleError(api, stranger.dispatchError), 'registry.NotSignatory');
    // The second signatory's approval pays it.
    const { events } = await submit(api, api.tx.registry.approveSpend(NORTHBRIDGE, spend), keys.AliceStash);
    const spent = events.find(({ event }) => api.events.registry.Spent.is(event)).event;
    assert.equal(spent.data.amount.toBigInt(), 1_000n * CIV);
    assert.equal((await api.query.system.account(payee)).data.free.toBigInt(), before + 1_000n * CIV);
    assert.equal((await api.query.registry.spends(NORTHBRIDGE, spend)).isNone, true);
  });
});
