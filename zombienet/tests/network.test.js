// The Civitas network of ../civitas-local.toml under faults.
//
// One network (four validators, a fifth institution's node the council
// admits as a validator during the tests, one archive node) is spawned for
// the whole file; the tests run in order on it. A FinalityWatch polls every node's
// finalised head throughout, and the last test checks that no node's
// finality ever went back and that every block any node finalised is still
// the canonical block at its height on every node. What each test checks,
// and why: docs/operators.md.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FinalityWatch } from '../lib/finality-watch.js';
import { carryMotion, submit } from '../lib/council.js';
import { ALL_NODES, ARCHIVE, CANDIDATE, VALIDATORS, spawnNetwork } from '../lib/network.js';
import { ApiPromise, Keyring, WsProvider, cryptoWaitReady, u8aToHex } from '../lib/polkadot.js';
import { answers, blockHash, heads, rpc, sleep, waitUntil } from '../lib/rpc.js';
import { Transfers, countFinalized, freeBalanceAt, tally } from '../lib/transfers.js';

/** Seconds zombienet keeps the killed validator down before restarting it. */
const DOWN_SECONDS = 45;
/** Finalised blocks the others must add while a validator is down or paused. */
const FINALITY_WHILE_FAULTY = 3;
/** Seconds two paused validators are watched not finalising (five slots). */
const STALL_SECONDS = 30;

let net;
let watch;
let keyring;
let failed = false;
const apis = {};

const since = (start) => `${Math.round((Date.now() - start) / 1000)} s`;

/** Runs `body`, remembering a failure so `after` can print the nodes' logs. */
function check(name, body) {
  test(name, async (t) => {
    try {
      await body(t);
    } catch (error) {
      failed = true;
      throw error;
    }
  });
}

/** Connects a WebSocket client to `name`, for signing and submitting transfers through it. */
async function connect(name) {
  apis[name] = await ApiPromise.create({ provider: new WsProvider(net.nodes[name].ws), noInitWarn: true });
  return apis[name];
}

/** The lowest finalised number among `names` (each must answer). */
async function lowestFinalized(names) {
  const all = await Promise.all(names.map((name) => heads(net.nodes[name].rpc, 3_000)));
  return Math.min(...all.map((head) => head.finalized));
}

/** A one-line picture of every node's heads, for timeout messages. */
async function picture() {
  const parts = await Promise.all(ALL_NODES.map(async (name) => {
    try {
      const { best, finalized } = await heads(net.nodes[name].rpc, 1_500);
      return `${name} #${best}/#${finalized}`;
    } catch {
      return `${name} silent`;
    }
  }));
  return `best/finalised: ${parts.join(', ')}`;
}

/** Waits until the validators in `names` have finalised `count` blocks beyond now; says from where to where. */
async function finalityAdvances(names, count, timeoutMs, what) {
  const start = await lowestFinalized(names);
  const reached = await waitUntil(`${what} (from #${start} to #${start + count})`, async () => {
    const now = await lowestFinalized(names);
    return now >= start + count && now;
  }, { timeoutMs, describe: picture });
  return `#${start} to #${reached}`;
}

/** Waits until `names` have finalised `count` more blocks (the stream keeps going meanwhile). */
const blocksPass = (names, count) =>
  finalityAdvances(names, count, 120_000, `${count} more finalised blocks on ${names.join(', ')}`);

/** A transfer stream from four funded development accounts to a fresh recipient named `tag`. */
async function transferStream(tag) {
  const transfers = new Transfers({
    apis,
    signers: ['//Ferdie', '//Alice//stash', '//Bob//stash', '//Charlie//stash'].map((uri) => keyring.addFromUri(uri)),
    recipient: keyring.addFromUri(`//Civitas//zombienet//${tag}`).address,
  });
  await transfers.init();
  return transfers;
}

/**
 * Waits until `name`, back after a fault, has finalised past what `others`
 * had finalised when it came back. Returns the finalised number it first
 * reported (what it came back with) and the height it had to pass.
 */
async function catchUp(name, others) {
  const heights = await Promise.all(others.map(async (other) => (await heads(net.nodes[other].rpc)).finalized));
  const target = Math.max(...heights);
  let first = null;
  await waitUntil(`${name} to catch up past #${target}`, async () => {
    const { finalized } = await heads(net.nodes[name].rpc, 3_000);
    first ??= finalized;
    return finalized > target;
  }, { timeoutMs: 180_000, describe: picture });
  return { first, passed: target };
}

/** Every transfer was accepted, and each phase of the fault saw at least two. */
function assertStreamCoveredTheFault(transfers) {
  assert.deepEqual(transfers.refused, [], 'no node refused a transfer');
  const phases = transfers.perPhase();
  for (const phase of ['before', 'during', 'after']) {
    assert.ok((phases[phase] ?? 0) >= 2, `at least two transfers accepted ${phase} the fault: ${JSON.stringify(phases)}`);
  }
}

/**
 * Waits until every accepted transfer of `transfers` is finalised on every
 * node, then asserts each was finalised exactly once on each node and that
 * the recipient holds exactly their sum on every node at the same block.
 */
async function assertEachFinalizedOnce(transfers, from) {
  const hashes = transfers.accepted.map(({ hash }) => hash);
  let lastBlock = 0;
  for (const name of ALL_NODES) {
    const count = await countFinalized(net.nodes[name].rpc, hashes, from, 120_000);
    assert.deepEqual(tally(count), { missing: [], duplicated: [] },
      `${name}: of ${hashes.length} accepted transfers, finalised blocks #${from}..#${count.scannedTo}`);
    for (const numbers of count.blocks.values()) lastBlock = Math.max(lastBlock, ...numbers);
  }
  // The money arrived once too: the recipient's balance, read from every
  // node's own state at the block holding the last transfer, is their sum.
  const at = await blockHash(net.nodes.alice.rpc, lastBlock);
  for (const name of ALL_NODES) {
    const free = await freeBalanceAt(apis.alice, net.nodes[name].rpc, transfers.recipient, at);
    assert.equal(free, transfers.total(), `${name}: the recipient's balance at #${lastBlock}`);
  }
  return `${hashes.length} transfers (${JSON.stringify(transfers.perPhase())}) each finalised once on all ${ALL_NODES.length} nodes, the last in #${lastBlock}; the recipient holds ${transfers.total()} planck on each`;
}

before(async () => {
  await cryptoWaitReady();
  keyring = new Keyring({ type: 'sr25519' });
  const started = Date.now();
  net = await spawnNetwork();
  console.log(`network of ${ALL_NODES.length} nodes up in ${since(started)} (${net.dir})`);
  watch = new FinalityWatch(net.nodes);
  watch.start();
  // Transfers go in through these nodes. Dave (killed) gets a client only
  // once it is back, and Bob (paused) none, so no client keeps reconnecting
  // in the background; Charlie's sits idle while the counter-test pauses it.
  for (const name of ['alice', 'charlie', ARCHIVE]) await connect(name);
});

after(async () => {
  await watch?.stop();
  await Promise.all(Object.values(apis).map((api) => api.disconnect().catch(() => {})));
  if (failed && net) await net.printLogTails();
  await net?.stop();
});

check('every node is up in its role, connected to the other five, and its best and finalised heights rise', async (t) => {
  const started = Date.now();
  for (const name of ALL_NODES) {
    const { rpc: url } = net.nodes[name];
    assert.equal(await rpc(url, 'system_chain'), 'Civitas Local Testnet', name);
    assert.deepEqual(await rpc(url, 'system_nodeRoles'), [name === ARCHIVE ? 'Full' : 'Authority'], name);
  }
  await waitUntil('every node to have the other five as peers', async () => {
    const health = await Promise.all(ALL_NODES.map((name) => rpc(net.nodes[name].rpc, 'system_health')));
    return health.every(({ peers }) => peers === ALL_NODES.length - 1);
  }, { timeoutMs: 120_000, describe: picture });
  t.diagnostic(`every node has ${ALL_NODES.length - 1} peers after ${since(started)}`);

  const start = Object.fromEntries(await Promise.all(ALL_NODES.map(async (name) => [name, await heads(net.nodes[name].rpc)])));
  await waitUntil('best and finalised heights to rise by 2 on every node', async () => {
    for (const name of ALL_NODES) {
      const now = await heads(net.nodes[name].rpc);
      if (now.best < start[name].best + 2 || now.finalized < start[name].finalized + 2) return false;
    }
    return true;
  }, { timeoutMs: 120_000, describe: picture });
  t.diagnostic(`heights rose on every node after ${since(started)}; ${await picture()}`);
});

check('a transfer submitted to one validator is finalised once on every node, the archive node included', async (t) => {
  const transfers = new Transfers({
    apis: { charlie: apis.charlie },
    signers: [keyring.addFromUri('//Eve')],
    recipient: keyring.addFromUri('//Civitas//zombienet//single').address,
  });
  await transfers.init();
  const from = (await heads(net.nodes.charlie.rpc)).finalized;
  const hash = await transfers.send('charlie');
  assert.ok(hash, `charlie refused the transfer: ${JSON.stringify(transfers.refused)}`);
  t.diagnostic(await assertEachFinalizedOnce(transfers, from));
});

check('only the archive node offers the archive API, and it reads past state: Eve\'s nonce at block 1 and now', async (t) => {
  for (const name of ALL_NODES) {
    const { methods } = await rpc(net.nodes[name].rpc, 'rpc_methods');
    assert.equal(methods.includes('archive_v1_call'), name === ARCHIVE,
      `${name} ${name === ARCHIVE ? 'lacks' : 'offers'} archive_v1_call`);
  }
  const url = net.nodes[ARCHIVE].rpc;
  const [first] = await rpc(url, 'archive_v1_hashByHeight', [1]);
  assert.equal(first, await blockHash(net.nodes.alice.rpc, 1));
  // A runtime call against the state of a given block: Eve had sent nothing
  // at block 1; by now her one transfer (the test above) is finalised.
  const eve = u8aToHex(keyring.addFromUri('//Eve').publicKey);
  const nonceAt = (hash) => rpc(url, 'archive_v1_call', [hash, 'AccountNonceApi_account_nonce', eve]);
  assert.deepEqual(await nonceAt(first), { success: true, value: '0x00000000' });
  const { finalized, finalizedHash } = await heads(url);
  assert.deepEqual(await nonceAt(finalizedHash), { success: true, value: '0x01000000' });
  t.diagnostic(`Eve's nonce read at #1 (0) and at #${finalized} (1) through archive_v1_call`);
});

check('a validator killed with SIGKILL during a stream of transfers: the others finalise, it restarts from its database and catches up, no transfer is lost or doubled', async (t) => {
  const victim = net.nodes.dave;
  const survivors = VALIDATORS.filter((name) => name !== 'dave');
  const transfers = await transferStream('kill');
  const from = (await heads(net.nodes.alice.rpc)).finalized;
  let targets = ['alice', 'charlie', ARCHIVE];
  transfers.startStream(() => targets);
  try {
    await blocksPass(survivors, 2);

    transfers.phase = 'during';
    const finalizedBeforeKill = (await heads(victim.rpc)).finalized;
    // zombienet's restart: `kill -9`, DOWN_SECONDS of nothing, then the same
    // command again, on the same base path and database.
    const restarting = victim.zombie.restart(DOWN_SECONDS);
    await waitUntil('dave to stop answering after kill -9', async () => !(await answers(victim.rpc, 1_000)),
      { timeoutMs: 10_000 });
    // Dave's RPC is back some 10 s after zombienet starts it again, so a
    // window ending 5 s before the restart still sees it down throughout.
    const whileDown = await finalityAdvances(survivors, FINALITY_WHILE_FAULTY, (DOWN_SECONDS - 5) * 1_000,
      'finality to continue without dave');
    assert.equal(await answers(victim.rpc, 1_000), false, 'dave was still down while the others finalised');
    t.diagnostic(`dave killed at finalised #${finalizedBeforeKill}; alice, bob, charlie finalised ${whileDown} while it was down`);
    await restarting;

    transfers.phase = 'after';
    const { first, passed } = await catchUp('dave', survivors);
    // It came back with its database: its first finalised head after the
    // restart is the one it had before the kill (or later), not genesis.
    assert.ok(first >= finalizedBeforeKill, `dave restarted at finalised #${first}; before the kill it had #${finalizedBeforeKill}`);
    t.diagnostic(`dave restarted at finalised #${first} (its database), caught up past #${passed}`);

    await connect('dave');
    targets = ['alice', 'charlie', ARCHIVE, 'dave'];
    await blocksPass(VALIDATORS, 2);
  } finally {
    await transfers.stopStream();
  }
  assertStreamCoveredTheFault(transfers);
  assert.ok(transfers.accepted.some(({ target, phase }) => target === 'dave' && phase === 'after'),
    'the restarted validator accepted transfers too');
  t.diagnostic(await assertEachFinalizedOnce(transfers, from));
});

check('a validator paused (SIGSTOP) and resumed: the others finalise, it rejoins, no transfer is lost or doubled', async (t) => {
  const victim = net.nodes.bob;
  const others = VALIDATORS.filter((name) => name !== 'bob');
  const transfers = await transferStream('pause');
  const from = (await heads(net.nodes.alice.rpc)).finalized;
  transfers.startStream(() => ['alice', 'charlie', 'dave', ARCHIVE]);
  try {
    await blocksPass(others, 2);

    transfers.phase = 'during';
    const finalizedBeforePause = (await heads(victim.rpc)).finalized;
    assert.equal(await victim.zombie.pause(), true, 'zombienet paused bob');
    await waitUntil('bob to stop answering', async () => !(await answers(victim.rpc, 1_000)), { timeoutMs: 10_000 });
    const whilePaused = await finalityAdvances(others, FINALITY_WHILE_FAULTY, 60_000, 'finality to continue while bob is paused');
    assert.equal(await answers(victim.rpc, 1_000), false, 'bob was still paused while the others finalised');
    assert.equal(await victim.zombie.resume(), true, 'zombienet resumed bob');
    t.diagnostic(`bob paused at finalised #${finalizedBeforePause}; alice, charlie, dave finalised ${whilePaused} meanwhile`);

    transfers.phase = 'after';
    const { first, passed } = await catchUp('bob', others);
    assert.ok(first >= finalizedBeforePause, `bob resumed at finalised #${first}; before the pause it had #${finalizedBeforePause}`);
    t.diagnostic(`bob resumed at finalised #${first}, caught up past #${passed}`);
    await blocksPass(VALIDATORS, 2);
  } finally {
    await transfers.stopStream();
  }
  assertStreamCoveredTheFault(transfers);
  t.diagnostic(await assertEachFinalizedOnce(transfers, from));
});

check('with two of four validators paused, blocks are still authored but none is finalised; finality resumes when they return', async (t) => {
  // The counter-test of the ones above: GRANDPA needs more than two thirds
  // of the votes (3 of 4), so here finality must stop, and the height
  // measurements the fault tests rely on must see it stop.
  const paused = ['bob', 'charlie'];
  const { alice } = net.nodes;
  for (const name of paused) assert.equal(await net.nodes[name].zombie.pause(), true, `zombienet paused ${name}`);
  let before;
  let during;
  try {
    for (const name of paused) {
      await waitUntil(`${name} to stop answering`, async () => !(await answers(net.nodes[name].rpc, 1_000)), { timeoutMs: 10_000 });
    }
    // Votes already cast can still complete the round under way.
    await sleep(8_000);
    before = await heads(alice.rpc);
    await sleep(STALL_SECONDS * 1_000);
    during = await heads(alice.rpc);
  } finally {
    for (const name of paused) assert.equal(await net.nodes[name].zombie.resume(), true, `zombienet resumed ${name}`);
  }
  // Alice and Dave own two or three of the five slots; one block is enough
  // to show that it is finality, not authoring, that stopped.
  assert.ok(during.best > before.best, `alice and dave kept authoring: best #${before.best} to #${during.best}`);
  assert.equal(during.finalized, before.finalized, `nothing finalised with half the validators paused: #${before.finalized} to #${during.finalized}`);
  t.diagnostic(`in ${STALL_SECONDS} s with bob and charlie paused: best #${before.best} to #${during.best}, finalised stayed #${before.finalized}`);

  const authored = during.best;
  await waitUntil(`finality to pass #${authored} on every validator`,
    async () => (await lowestFinalized(VALIDATORS)) >= authored, { timeoutMs: 120_000, describe: picture });
  t.diagnostic(`finality resumed: ${await picture()}`);
});

/** The accounts pallet-session names as validators now. */
async function sessionValidators() {
  return (await apis.alice.query.session.validators()).map((who) => who.toString());
}

/** The account that authored the best block, as Aura's slot and the session's set say. */
async function bestAuthor() {
  const header = await apis.alice.derive.chain.getHeader(await apis.alice.rpc.chain.getBlockHash());
  return header.author?.toString();
}

check('the council adds a fifth validator: her node makes session keys, her account registers them, three of four seats add her, and she authors from the session after next', async (t) => {
  const api = apis.alice;
  const [alice, bob, charlie, eve] = ['//Alice', '//Bob', '//Charlie', '//Eve'].map((uri) => keyring.addFromUri(uri));
  // Eve's node makes the keys and proves it holds them for her account.
  const { keys, proof } = await rpc(net.nodes[CANDIDATE].rpc, 'author_rotateKeysWithOwner', [u8aToHex(eve.publicKey)]);
  await submit(api, api.tx.session.setKeys(keys, proof), eve);
  const started = Date.now();
  // Three of the four seats: two thirds.
  await carryMotion(api, api.tx.validators.addValidator(eve.address), 3, [alice, bob, charlie]);
  t.diagnostic(`motion carried in ${since(started)}`);
  await waitUntil('Eve in the session\'s validators', async () => (await sessionValidators()).includes(eve.address),
    { timeoutMs: 300_000, describe: picture });
  t.diagnostic(`Eve validates from session ${(await api.query.session.currentIndex()).toNumber()}, ${since(started)} after the motion`);
  await waitUntil('a block authored by Eve', async () => (await bestAuthor()) === eve.address,
    { timeoutMs: 120_000, intervalMs: 2_000, describe: picture });
  t.diagnostic(`Eve authored a block ${since(started)} after the motion`);
  t.diagnostic(await blocksPass([...VALIDATORS, CANDIDATE], 3));
});

check('the council removes a validator (Dave): from the session after next he no longer validates, and the four others keep finalising', async (t) => {
  const api = apis.alice;
  const [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((uri) => keyring.addFromUri(uri));
  const started = Date.now();
  await carryMotion(api, api.tx.validators.removeValidator(dave.address), 3, [alice, bob, charlie]);
  await waitUntil('Dave out of the session\'s validators', async () => !(await sessionValidators()).includes(dave.address),
    { timeoutMs: 300_000, describe: picture });
  assert.equal((await sessionValidators()).length, 4);
  t.diagnostic(`Dave stopped validating ${since(started)} after the motion`);
  t.diagnostic(await blocksPass(['alice', 'bob', 'charlie', CANDIDATE], 3));
});

check('no node ever saw finality go back, and every finalised block is still canonical on every node', async (t) => {
  await watch.stop();
  assert.deepEqual(watch.violations, []);
  for (const name of ALL_NODES) {
    assert.ok(watch.history.get(name).length >= 5, `the watch saw ${name} finalise repeatedly`);
  }
  assert.deepEqual(await watch.checkStillCanonical(), []);
  t.diagnostic(`${watch.finalized.size} finalised heights checked on ${ALL_NODES.length} nodes`);
});
