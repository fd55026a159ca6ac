// A forkless runtime upgrade of a running network, by the council
// (issue 20; docs/governance.md, "Upgrading the runtime").
//
// The four validators of ../civitas-upgrade.toml start on the previous
// runtime release (spec 106, runtime/releases/), before pallet-session.
// The council admits the demo world's organisations and approves the
// funding-conditions code; the parties sign an agreement, the cities
// commit a pool and milestone 0 is paid. Then two thirds of the council
// authorise this node's runtime (spec 107) and anyone enacts it: its
// migration (runtime/src/migrations.rs) hands the Aura and GRANDPA
// authorities to pallet-session. The tests check that blocks keep being
// finalised, that every balance and hold is as it was, that the ledger's
// storage is byte for byte the same and reads back through the new
// runtime as before, that the ledger goes on (milestone 1 is paid), and
// that sessions turn over with the migrated validators.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { connect, devKeys } from '../../e2e/lib/api.js';
import { carryMotion } from '../../e2e/lib/council.js';
import { committedHash } from '../../e2e/lib/conditions-contract.js';
import { CIV, NORTHBRIDGE, SOUTHPORT, TRAMWAY_BUILDERS, organisationAccount, submit } from '../../e2e/lib/demo-agreement.js';
import { committedAgreement, payMilestone } from '../../e2e/lib/story.js';
import { UPGRADE, VALIDATORS, spawnNetwork } from '../lib/network.js';
import { blake2AsHex, hexToU8a, u8aToHex, xxhashAsHex } from '../lib/polkadot.js';
import { heads, rpc, waitUntil } from '../lib/rpc.js';

/** The previous release's runtime, and the BLAKE2-256 it was committed with. */
const PREVIOUS = fileURLToPath(new URL('../../runtime/releases/civitas_runtime-spec106.compressed.wasm', import.meta.url));
const PREVIOUS_HASH = readFileSync(`${PREVIOUS}.blake2`, 'utf8').trim();
/** The node binary the network runs (zombienet's definition picks the same one). */
const NODE = process.env.CIVITAS_NODE
  ?? `${process.env.CARGO_TARGET_DIR ?? `${process.env.HOME}/.cache/civitas/target`}/debug/civitas-node`;
/** sp-maybe-compressed-blob's marker before a zstd-compressed runtime. */
const ZSTD_PREFIX = Uint8Array.from([0x52, 0xbc, 0x53, 0x76, 0x46, 0xdb, 0x8e, 0x05]);
/**
 * The pallets whose storage the upgrade must leave byte for byte as it
 * was: money (balances and holds), the ledger, contracts, governance; and
 * the contracts' child tries, whose roots the top trie holds.
 */
const KEPT = ['Balances', 'Registry', 'AuditTrail', 'Agreements', 'Pools', 'Disbursements', 'Revive', 'Governance',
  'Council', 'CouncilMembership'];
/** pallet-revive's Ethereum view of each block, which every block rewrites: not state the upgrade keeps. */
const PER_BLOCK = ['EthereumBlock', 'BlockHash', 'ReceiptInfoData', 'EthBlockBuilderIR', 'EthBlockBuilderFirstValues']
  .map((item) => xxhashAsHex('Revive', 128) + xxhashAsHex(item, 128).slice(2));
/** The well-known key of the runtime's code, `:code`. */
const CODE = u8aToHex(new TextEncoder().encode(':code'));
/** frame-system's `AuthorizedUpgrade`, read raw in the upgrade's block. */
const AUTHORIZED_UPGRADE = xxhashAsHex('System', 128) + xxhashAsHex('AuthorizedUpgrade', 128).slice(2);
/** Where the top trie holds each child trie's root (the contracts' storage). */
const CHILD_ROOTS = u8aToHex(new TextEncoder().encode(':child_storage:default:'));
/** Ayes that carry a motion on four seats: a majority and two thirds are both three. */
const THREE = 3;
const K = 1_000n * CIV;

let net;
let api;
let keys;
let failed = false;
let agreement;
/** The block the upgrade was applied to (its parent), and the upgrade's number. */
let before_;
let upgradedAt;

const validatorNodes = () => VALIDATORS.map((name) => net.nodes[name]);
/** The validators' accounts (`alice` is //Alice's), in the definition's order. */
const validatorAccounts = () => VALIDATORS.map((name) => keys[name[0].toUpperCase() + name.slice(1)].address);
const alice = () => net.nodes.alice;

/** Runs `body` as a test, remembering a failure so `after` can print the nodes' logs. */
function check(name, body) {
  test(name, async () => {
    try {
      await body();
    } catch (error) {
      failed = true;
      throw error;
    }
  });
}

/** `call` carried by three of the four seats (Alice proposes, Dave closes). */
async function councilDoes(call) {
  const result = await carryMotion(api, {
    call, threshold: THREE, proposer: keys.Alice, voters: [keys.Alice, keys.Bob, keys.Charlie], closer: keys.Dave,
  });
  assert.equal(result, 'none', `the council's call failed: ${result}`);
}

/** Every key and value under the hex `prefix` at block `at`, as { key: value }. */
async function storageUnder(prefix, at) {
  const entries = {};
  let start = null;
  for (;;) {
    const page = await rpc(alice().rpc, 'state_getKeysPaged', [prefix, 500, start, at]);
    if (page.length === 0) return entries;
    const [{ changes }] = await rpc(alice().rpc, 'state_queryStorageAt', [page, at]);
    for (const [key, value] of changes) entries[key] = value;
    start = page[page.length - 1];
  }
}

/** The kept pallets' storage and the child-trie roots at `at`. */
async function keptStorage(at) {
  const all = {};
  for (const pallet of KEPT) Object.assign(all, await storageUnder(xxhashAsHex(pallet, 128), at));
  Object.assign(all, await storageUnder(CHILD_ROOTS, at));
  return Object.fromEntries(Object.entries(all).filter(([key]) => !PER_BLOCK.some((item) => key.startsWith(item))));
}

/** Every account's record at `at`, decoded by the runtime of that block, as { address: json }. */
async function accounts(at) {
  const entries = await (await api.at(at)).query.system.account.entries();
  return Object.fromEntries(entries.map(([key, info]) => [key.args[0].toString(), info.toJSON()]));
}

/**
 * What the auditors' JSON-RPC says about the agreement at `at` (the
 * block's runtime answers), without the `at` each answer names.
 */
async function auditorView(at) {
  const view = {};
  for (const method of ['agreement', 'funding', 'milestones', 'payouts', 'disputes']) {
    const { at: block, ...answer } = await rpc(alice().rpc, `civitas_${method}`, [agreement, at]);
    assert.equal(block.hash, at);
    view[method] = answer;
  }
  return view;
}

/** The ledger's records at `at`, decoded by the metadata of that block's runtime. */
async function ledgerRecords(at) {
  const query = (await api.at(at)).query;
  const decoded = async (entries) => (await entries).map(([key, value]) => [key.toHex(), value.toJSON()]);
  return {
    organisations: await decoded(query.registry.organisations.entries()),
    agreements: await decoded(query.agreements.agreements.entries()),
    pools: await decoded(query.pools.pools.entries()),
    milestones: await decoded(query.disbursements.milestones.entries()),
    disbursements: await decoded(query.disbursements.disbursements.entries()),
  };
}

/** The runtime this node carries, compressed as `:code` holds it and an upgrade carries it. */
function currentRuntime() {
  const exported = spawnSync(NODE, ['export-chain-spec', '--chain', 'local'], { maxBuffer: 64 << 20 });
  assert.equal(exported.status, 0, `export-chain-spec: ${exported.stderr}`);
  const wasm = hexToU8a(JSON.parse(exported.stdout).genesis.runtimeGenesis.code);
  const zstd = spawnSync('zstd', ['-19', '-q', '-c'], { input: wasm, maxBuffer: 64 << 20 });
  assert.equal(zstd.status, 0, `zstd (scripts/setup.sh --with-e2e installs it): ${zstd.error ?? zstd.stderr}`);
  const compressed = new Uint8Array(ZSTD_PREFIX.length + zstd.stdout.length);
  compressed.set(ZSTD_PREFIX);
  compressed.set(zstd.stdout, ZSTD_PREFIX.length);
  return compressed;
}

/** The spec version of the runtime at `at` (the best block if not given). */
async function specVersion(at) {
  return (await rpc(alice().rpc, 'state_getRuntimeVersion', at ? [at] : [])).specVersion;
}

before(async () => {
  // The definition reads the previous release from here (by default a path
  // relative to zombienet/, where `npm run spawn:upgrade` runs).
  process.env.CIVITAS_PREVIOUS_RUNTIME = PREVIOUS;
  const started = Date.now();
  net = await spawnNetwork({ definition: UPGRADE, names: VALIDATORS });
  console.log(`upgrade network of ${VALIDATORS.length} validators up in ${Math.round((Date.now() - started) / 1000)} s`);
  api = await connect(alice().ws);
  keys = await devKeys(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']);
});

after(async () => {
  if (failed) await net?.printLogTails();
  await api?.disconnect();
  await net?.stop();
});

check('the network runs the previous release: the committed file, spec 106, no pallet-session', async () => {
  assert.equal(blake2AsHex(readFileSync(PREVIOUS), 256), PREVIOUS_HASH, 'the committed runtime is the one recorded');
  assert.equal(await specVersion(), 106);
  assert.equal(api.query.session, undefined);
  await waitUntil('a block finalised on every validator', async () => {
    const all = await Promise.all(validatorNodes().map((node) => heads(node.rpc)));
    return all.every((head) => head.finalized > 0);
  }, { timeoutMs: 180_000 });
});

check('the council admits the demo world and approves the conditions code; the cities fund their accounts', async () => {
  const world = [
    ['PublicAuthority', 'XI-LEI', 'DEMO00CITYNORTHBRDG', 'City of Northbridge', 'Alice', { financeOfficer: true, signatory: true }],
    ['PublicAuthority', 'XI-LEI', 'DEMO00CITYSOUTHPORT', 'City of Southport', 'Bob', { financeOfficer: true, signatory: true }],
    ['PrivatePartner', 'EU-VAT', 'XX000000001', 'Tramway Builders SA', 'Charlie', { financeOfficer: true, signatory: true }],
    ['Funder', 'XI-LEI', 'DEMO00GREENINVFUND', 'European Green Investment Fund', 'Dave',
      { financeOfficer: true, signatory: true, verifier: true }],
    ['Verifier', 'EU-VAT', 'XX000000002', 'Independent Engineers BV', 'Eve', { verifier: true }],
    ['Auditor', 'XI-LEI', 'DEMO00COURTAUDITORS', 'Court of Auditors', 'Ferdie', { auditor: true }],
  ];
  // Admitted in this order, they get the demo world's ids 0 to 5, which
  // the e2e helpers (e2e/lib/demo-agreement.js) name.
  const calls = world.flatMap(([kind, scheme, id, name, admin, roles], organisation) => [
    api.tx.registry.admit(kind, { scheme, id }, name, keys[admin].address),
    api.tx.registry.setRoles(organisation, keys[admin].address, { ...roles, admin: true }),
  ]);
  await councilDoes(api.tx.utility.batchAll([...calls, api.tx.governance.approveCode(committedHash)]));
  assert.equal((await api.query.registry.nextOrganisationId()).toNumber(), world.length);
  assert.ok((await api.query.governance.approvedCode(committedHash)).isSome);
  await Promise.all([
    submit(api, api.tx.balances.transferKeepAlive(organisationAccount(NORTHBRIDGE), 400n * K), keys.Alice),
    submit(api, api.tx.balances.transferKeepAlive(organisationAccount(SOUTHPORT), 200n * K), keys.Bob),
  ]);
});

check('an agreement is signed, the cities commit its pool, milestone 0 is paid', async () => {
  ({ agreement } = await committedAgreement(api, keys));
  const partner = organisationAccount(TRAMWAY_BUILDERS);
  const received = (await api.query.system.account(partner)).data.free.toBigInt();
  await payMilestone(api, keys, agreement, 0);
  // 300 000 less 5 % retention.
  assert.equal((await api.query.system.account(partner)).data.free.toBigInt(), received + 285n * K);
});

check('two thirds of the council authorise this node\'s runtime; anyone enacts it', async () => {
  const code = currentRuntime();
  const hash = blake2AsHex(code, 256);
  console.log(`runtime ${hash}: ${code.length} bytes compressed`);
  await councilDoes(api.tx.governance.authorizeUpgrade(hash));
  const authorized = (await api.query.system.authorizedUpgrade()).unwrap();
  assert.equal(authorized.codeHash.toHex(), hash);
  assert.ok(authorized.checkVersion.isTrue, 'the new runtime must be a newer version of this one');

  // Unsigned: the authorisation is what lets it in; no one pays for it.
  // Nothing else is sent from here on until the state is compared.
  const block = await new Promise((resolve, reject) => {
    let unsubscribe = () => {};
    api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)).send(({ status }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsubscribe();
        reject(new Error(`the upgrade was ${status.type}`));
      } else if (status.isInBlock) {
        unsubscribe();
        resolve(status.asInBlock.toHex());
      }
    }).then((unsub) => { unsubscribe = unsub; }, reject);
  });
  // (The block's events are the old runtime's, which the client, already
  // on the new metadata, cannot decode: the state says what happened.)
  assert.equal(await rpc(alice().rpc, 'state_getStorageHash', [CODE, block]), hash, 'the block set the new code');
  assert.equal(await rpc(alice().rpc, 'state_getStorage', [AUTHORIZED_UPGRADE, block]), null, 'the authorisation is used up');
  const header = await rpc(alice().rpc, 'chain_getHeader', [block]);
  upgradedAt = Number.parseInt(header.number, 16);
  // The state the upgrade was applied to: what the new runtime must keep.
  before_ = header.parentHash;
  assert.equal(await specVersion(before_), 106);
});

check('the next block runs spec 107 and its migration: the four validators are pallet-session\'s', async () => {
  const next = await waitUntil('the block after the upgrade', async () => rpc(alice().rpc, 'chain_getBlockHash', [upgradedAt + 1]), { timeoutMs: 60_000 });
  assert.equal(await specVersion(next), 107);
  const at = await api.at(next);
  const validators = (await at.query.session.validators()).map(String);
  assert.deepEqual(validators, validatorAccounts());
  assert.deepEqual((await at.query.validators.validators()).map(String), validators);
  for (const who of validators) assert.ok((await at.query.session.nextKeys(who)).isSome, `${who} has session keys`);
  assert.equal((await at.query.validators.sessionLength()).toNumber(), 600, 'an hour, until the council sets another');
});

check('blocks keep being finalised on every validator after the upgrade', async () => {
  const target = upgradedAt + 5;
  await waitUntil(`#${target} finalised on every validator`, async () => {
    const all = await Promise.all(validatorNodes().map((node) => heads(node.rpc)));
    return all.every((head) => head.finalized >= target);
  }, { timeoutMs: 180_000 });
  const hashes = await Promise.all(validatorNodes().map((node) => rpc(node.rpc, 'chain_getBlockHash', [target])));
  assert.equal(new Set(hashes).size, 1, 'all four finalised the same block');
});

check('every balance and hold is unchanged; money, ledger, contract and council storage are byte for byte the same', async () => {
  const after_ = await rpc(alice().rpc, 'chain_getBlockHash', [upgradedAt + 1]);
  assert.deepEqual(await keptStorage(after_), await keptStorage(before_));
  const was = await accounts(before_);
  const is = await accounts(after_);
  assert.deepEqual(Object.keys(is).sort(), Object.keys(was).sort());
  const validators = new Set(validatorAccounts());
  for (const [who, info] of Object.entries(was)) {
    // The migration registers each validator's keys as pallet-session's
    // genesis does: one more provider reference keeps the account alive.
    const providers = info.providers + (validators.has(who) ? 1 : 0);
    assert.deepEqual(is[who], { ...info, providers }, `account ${who}`);
  }
});

check('the ledger reads back through the new runtime as through the old', async () => {
  const after_ = await rpc(alice().rpc, 'chain_getBlockHash', [upgradedAt + 1]);
  assert.deepEqual(await ledgerRecords(after_), await ledgerRecords(before_));
  assert.deepEqual(await auditorView(after_), await auditorView(before_));
  const payouts = (await auditorView(after_)).payouts.payouts;
  assert.equal(payouts.length, 1, 'milestone 0\'s payout');
});

check('the ledger goes on under the new runtime: milestone 1 is paid', async () => {
  await payMilestone(api, keys, agreement, 1);
  const { payouts } = await rpc(alice().rpc, 'civitas_payouts', [agreement]);
  assert.equal(payouts.length, 2);
});

check('the council shortens sessions; one turns over with the migrated validators, and finality goes on', async () => {
  const index = (await api.query.session.currentIndex()).toNumber();
  await councilDoes(api.tx.validators.setSessionLength(10));
  await waitUntil('a new session', async () => (await api.query.session.currentIndex()).toNumber() > index,
    { timeoutMs: 180_000 });
  assert.deepEqual((await api.query.session.validators()).map(String),
    validatorAccounts());
  const { best } = await heads(alice().rpc);
  await waitUntil(`#${best} finalised on every validator`, async () => {
    const all = await Promise.all(validatorNodes().map((node) => heads(node.rpc)));
    return all.every((head) => head.finalized >= best);
  }, { timeoutMs: 180_000 });
});
