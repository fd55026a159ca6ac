// Watches every node's finalised head for the whole run and records any
// sign that finality went back.
//
// GRANDPA's promise is that a finalised block is never replaced. The watch
// polls each node about once a second and flags (a) a node whose finalised
// number goes down, (b) two different blocks finalised at one height, on one
// node over time or on two nodes. At the end `checkStillCanonical` asks
// every node for the block at each finalised height the watch saw: all must
// still have exactly that block.

import { blockHash, heads, sleep } from './rpc.js';

export class FinalityWatch {
  /** `nodes`: { name: { rpc } }. */
  constructor(nodes) {
    this.nodes = nodes;
    /** name -> [{ number, hash }], one entry per change. */
    this.history = new Map(Object.keys(nodes).map((name) => [name, []]));
    /** number -> { hash, seenOn } for every finalised height any node reported. */
    this.finalized = new Map();
    this.violations = [];
    this.running = false;
  }

  /** Starts polling every node every `intervalMs`. */
  start(intervalMs = 1_000) {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await Promise.all(Object.entries(this.nodes).map(([name, node]) => this.poll(name, node)));
        await sleep(intervalMs);
      }
    })();
  }

  /** Stops polling once the round under way is done. */
  async stop() {
    this.running = false;
    await this.loop;
  }

  /** One node's finalised head, recorded if it answered. */
  async poll(name, node) {
    let head;
    try {
      // A paused or killed node simply has no entry for this round.
      head = await heads(node.rpc, 1_500);
    } catch {
      return;
    }
    this.record(name, head.finalized, head.finalizedHash);
  }

  /** Records that `name` reported block `hash` as finalised at `number`, flagging any contradiction. */
  record(name, number, hash) {
    const history = this.history.get(name);
    const last = history.at(-1);
    if (last && number < last.number) {
      this.violations.push(`${name}: finalised head went back from #${last.number} to #${number}`);
    }
    if (last && number === last.number && hash !== last.hash) {
      this.violations.push(`${name}: #${number} finalised as ${last.hash}, later as ${hash}`);
    }
    const known = this.finalized.get(number);
    if (known && known.hash !== hash) {
      this.violations.push(`#${number} finalised as ${known.hash} on ${known.seenOn} but as ${hash} on ${name}`);
    }
    if (!known) this.finalized.set(number, { hash, seenOn: name });
    if (!last || last.number !== number || last.hash !== hash) {
      history.push({ number, hash });
    }
  }

  /**
   * Asks every node for its canonical block at each finalised height the
   * watch recorded; returns the disagreements (empty when none).
   */
  async checkStillCanonical() {
    const problems = [];
    for (const [number, { hash, seenOn }] of [...this.finalized.entries()].sort((a, b) => a[0] - b[0])) {
      for (const [name, node] of Object.entries(this.nodes)) {
        const onNode = await blockHash(node.rpc, number);
        if (onNode !== hash) {
          problems.push(`#${number}: ${name} has ${onNode}, ${seenOn} finalised ${hash}`);
        }
      }
    }
    return problems;
  }
}
