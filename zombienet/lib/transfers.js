// A steady stream of balance transfers, and the count of where each one
// ended up.
//
// Every transfer sends a distinct amount to one recipient, signed with an
// explicit nonce (so the stream never waits for a block), and is counted as
// accepted only when a node's `author_submitExtrinsic` returned its hash:
// from then on the network owes its inclusion. `countFinalized` then reads
// every finalised block on a node and counts each accepted hash, which must
// appear exactly once on every node.

import { extrinsicHashes, blockHash, heads, rpc, sleep } from './rpc.js';

/** One CIV in planck (12 decimals): every transfer is one CIV plus its sequence number. */
const CIV = 1_000_000_000_000n;

export class Transfers {
  /**
   * `apis`: { nodeName: ApiPromise } of the nodes that may receive
   * transactions; `signers`: keyring pairs with funds; `recipient`: address.
   */
  constructor({ apis, signers, recipient }) {
    this.apis = apis;
    this.signers = signers;
    this.recipient = recipient;
    this.nonces = new Map();
    this.accepted = [];
    this.refused = [];
    this.phase = 'before';
    this.running = false;
  }

  /** Reads each signer's next nonce (from any node; they share the chain). */
  async init() {
    const api = Object.values(this.apis)[0];
    for (const signer of this.signers) {
      const nonce = await api.rpc.system.accountNextIndex(signer.address);
      this.nonces.set(signer.address, nonce.toNumber());
    }
  }

  /** Signs the next transfer and submits it to `target`; records the outcome. */
  async send(target) {
    const sequence = this.accepted.length + this.refused.length;
    const signer = this.signers[sequence % this.signers.length];
    const nonce = this.nonces.get(signer.address);
    const amount = CIV + BigInt(sequence + 1);
    const api = this.apis[target];
    const tx = api.tx.balances.transferKeepAlive(this.recipient, amount);
    await tx.signAsync(signer, { nonce });
    try {
      const hash = (await api.rpc.author.submitExtrinsic(tx)).toHex();
      this.nonces.set(signer.address, nonce + 1);
      this.accepted.push({ hash, target, phase: this.phase, amount, signer: signer.address, nonce });
      return hash;
    } catch (error) {
      // Not accepted, so not owed; the nonce is used again by the signer's next transfer.
      this.refused.push({ target, phase: this.phase, nonce, error: error.message });
      return null;
    }
  }

  /** Sends one transfer every `intervalMs`, each to the next of `targets()` (which may change). */
  startStream(targets, intervalMs = 1_500) {
    this.running = true;
    let turn = 0;
    this.loop = (async () => {
      while (this.running) {
        const names = targets();
        await this.send(names[turn % names.length]);
        turn += 1;
        await sleep(intervalMs);
      }
    })();
  }

  /** Stops the stream once the transfer under way is submitted. */
  async stopStream() {
    this.running = false;
    await this.loop;
  }

  /** How many accepted transfers each phase has. */
  perPhase() {
    const counts = {};
    for (const { phase } of this.accepted) counts[phase] = (counts[phase] ?? 0) + 1;
    return counts;
  }

  /** What all accepted transfers moved to the recipient, in planck. */
  total() {
    return this.accepted.reduce((sum, { amount }) => sum + amount, 0n);
  }
}

/**
 * Scans the finalised chain of the node at `url` from block `from` on, until
 * every hash in `wanted` was found or `timeoutMs` passed. Returns
 * { counts: Map(hash -> times found), blocks: Map(hash -> [numbers]), scannedTo }.
 */
export async function countFinalized(url, wanted, from, timeoutMs) {
  const counts = new Map(wanted.map((hash) => [hash, 0]));
  const blocks = new Map(wanted.map((hash) => [hash, []]));
  const deadline = Date.now() + timeoutMs;
  let next = from;
  for (;;) {
    const { finalized } = await heads(url);
    for (; next <= finalized; next += 1) {
      const hash = await blockHash(url, next);
      for (const extrinsic of await extrinsicHashes(url, hash)) {
        if (counts.has(extrinsic)) {
          counts.set(extrinsic, counts.get(extrinsic) + 1);
          blocks.get(extrinsic).push(next);
        }
      }
    }
    const missing = [...counts.values()].some((count) => count === 0);
    if (!missing || Date.now() >= deadline) return { counts, blocks, scannedTo: next - 1 };
    await sleep(2_000);
  }
}

/** Free balance of `address` at block `at` on the node at `url`, read with `api`'s metadata. */
export async function freeBalanceAt(api, url, address, at) {
  const key = api.query.system.account.key(address);
  const raw = await rpc(url, 'state_getStorage', [key, at]);
  if (raw === null) return 0n;
  return api.createType('AccountInfo', raw).data.free.toBigInt();
}

/**
 * The verdict on a count: accepted transfers never finalised (`missing`)
 * and those finalised more than once (`duplicated`, with their blocks).
 */
export function tally({ counts, blocks }) {
  const missing = [];
  const duplicated = [];
  for (const [hash, count] of counts) {
    if (count === 0) missing.push(hash);
    if (count > 1) duplicated.push(`${hash} in #${blocks.get(hash).join(', #')}`);
  }
  return { missing, duplicated };
}
