// End-to-end: the council of member institutions on a real
// `civitas-node --dev` (council: Alice, Bob and Charlie), through the same
// @polkadot/api calls docs/governance.md gives: a two-of-three motion admits
// an organisation and approves contract code; a motion one member carries
// alone is refused; someone not on the council cannot put a motion; an
// upgrade needs two thirds.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

import { carryMotion, executedResult, explain } from '../lib/council.js';
import { startDevNode } from '../lib/node.js';
import { tokenConstants } from '../lib/runtime-constants.js';
import { sendAndInclude } from '../lib/tx.js';

describe('the council on civitas-node --dev', () => {
  let node;
  let api;
  let keys;

  before(async () => {
    await cryptoWaitReady();
    node = await startDevNode();
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: tokenConstants().ss58 });
    keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Ferdie', 'Easthaven']
      .map((name) => [name.toLowerCase(), keyring.addFromUri(`//${name}`)]));
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const admit = () => api.tx.registry.admit(
    'PublicAuthority',
    { scheme: 'XI-LEI', id: 'DEMO00CITYEASTHAVN' },
    'City of Easthaven',
    keys.easthaven.address, // its first admin: an account acting for no one yet
  );

  test('the council is Alice, Bob and Charlie', async () => {
    const members = (await api.query.council.members()).map((who) => who.toString()).sort();
    assert.deepEqual(members, [keys.alice, keys.bob, keys.charlie].map((k) => k.address).sort());
  });

  test('a motion one member carries alone is refused and changes nothing', async () => {
    const before = (await api.query.registry.nextOrganisationId()).toNumber();
    const call = admit();
    const { dispatchError, events } = await sendAndInclude(
      api.tx.council.propose(1, call, call.method.encodedLength), keys.charlie);
    assert.equal(explain(api, dispatchError), 'none');
    assert.equal(explain(api, executedResult(api, events).asErr), 'BadOrigin');
    assert.equal((await api.query.registry.nextOrganisationId()).toNumber(), before);
  });

  test('someone not on the council cannot put a motion', async () => {
    const call = admit();
    const { dispatchError } = await sendAndInclude(
      api.tx.council.propose(2, call, call.method.encodedLength), keys.dave);
    assert.equal(explain(api, dispatchError), 'council.NotMember');
  });

  test('a two-of-three motion admits an organisation', async () => {
    const id = (await api.query.registry.nextOrganisationId()).toNumber();
    const result = await carryMotion(api, {
      call: admit(), threshold: 2, proposer: keys.alice, voters: [keys.alice, keys.bob], closer: keys.ferdie,
    });
    assert.equal(result, 'none');
    const organisation = await api.query.registry.organisations(id);
    assert.ok(organisation.isSome, 'admitted');
    // The deposit came back to the proposer once released.
    const holds = await api.query.balances.holds(keys.alice.address);
    assert.ok(!holds.some((hold) => hold.id.isCouncil), 'no proposal deposit left on hold');
  });

  test('a two-of-three motion approves contract code, and a direct call cannot', async () => {
    const codeHash = `0x${'ab'.repeat(32)}`;
    const direct = await sendAndInclude(api.tx.governance.approveCode(codeHash), keys.alice);
    assert.equal(explain(api, direct.dispatchError), 'BadOrigin');
    const result = await carryMotion(api, {
      call: api.tx.governance.approveCode(codeHash),
      threshold: 2,
      proposer: keys.bob,
      voters: [keys.bob, keys.charlie],
      closer: keys.dave,
    });
    assert.equal(result, 'none');
    assert.ok((await api.query.governance.approvedCode(codeHash)).isSome);
  });

  test('an upgrade is authorised by two of three, and then only that code may be applied', async () => {
    const codeHash = `0x${'cd'.repeat(32)}`;
    const result = await carryMotion(api, {
      call: api.tx.governance.authorizeUpgrade(codeHash),
      threshold: 2,
      proposer: keys.alice,
      voters: [keys.alice, keys.charlie],
      closer: keys.ferdie,
    });
    assert.equal(result, 'none');
    const authorized = await api.query.system.authorizedUpgrade();
    assert.equal(authorized.unwrap().codeHash.toHex(), codeHash);
    // Other code is refused by System, whoever submits it.
    const { dispatchError } = await sendAndInclude(api.tx.system.applyAuthorizedUpgrade('0x00'), keys.ferdie);
    assert.equal(explain(api, dispatchError), 'system.Unauthorized');
    assert.ok((await api.query.system.authorizedUpgrade()).isSome, 'the authorisation stands');
  });
});
