// Spawns a network definition (../civitas-local.toml unless told) with
// zombienet's native provider, and always takes it down again.
//
// The tests drive the same definition operators spawn by hand; only the
// directory is chosen here (a fresh temporary one, removed afterwards) so a
// run never meets another run's databases.

import { start } from '@zombienet/orchestrator';
import { readNetworkConfig } from '@zombienet/utils';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { httpUrl } from './rpc.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The network definition the tests and operators use. */
const LOCAL = join(here, '..', 'civitas-local.toml');

/**
 * The four validators on the previous release's runtime, which the upgrade
 * test takes to the current one (../civitas-upgrade.toml).
 */
export const UPGRADE = join(here, '..', 'civitas-upgrade.toml');

/**
 * The four validators of the `local_testnet` preset, the candidate the
 * council admits during the tests, and the archive node, as named in the
 * definition.
 */
export const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
export const CANDIDATE = 'eve';
export const ARCHIVE = 'archive';
export const ALL_NODES = [...VALIDATORS, CANDIDATE, ARCHIVE];

/**
 * Spawns the network of `definition`, whose nodes are `names`, and
 * resolves once every node runs. Returns
 * { dir, nodes: { name: { name, ws, rpc, zombie } }, printLogTails(), stop() }.
 * If spawning fails, whatever was started is killed and the directory removed.
 */
export async function spawnNetwork({ definition = LOCAL, names = ALL_NODES } = {}) {
  const config = readNetworkConfig(definition);
  const dir = await mkdtemp(join(tmpdir(), 'civitas-zombienet-'));
  // Zombienet hands out the network object before it starts the first node,
  // so the nodes can be killed even when spawning fails half-way, and if the
  // test process itself ends early.
  let network = null;
  const killAll = () => {
    for (const entry of Object.values(network?.client?.processMap ?? {})) {
      try {
        if (entry?.pid) process.kill(entry.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.once('exit', killAll);
  try {
    await start('', config, {
      dir,
      force: true,
      logType: 'silent',
      spawnConcurrency: 4, // as `zombienet spawn` does
      setGlobalNetwork: (spawning) => { network = spawning; },
    });
  } catch (error) {
    killAll();
    process.removeListener('exit', killAll);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const nodes = {};
  for (const name of names) {
    const zombie = network.getNodeByName(name);
    nodes[name] = { name, ws: zombie.wsUri, rpc: httpUrl(zombie.wsUri), zombie };
  }
  return {
    dir,
    nodes,
    /** Prints the last lines of each node's log (for a failed run). */
    async printLogTails(lines = 40) {
      for (const name of names) {
        const log = await readFile(join(dir, `${name}.log`), 'utf8').catch(() => '(no log)');
        console.log(`--- ${name}.log (last ${lines} lines) ---\n${log.split('\n').slice(-lines).join('\n')}`);
      }
    },
    /** Stops every node (SIGKILL, which also ends a paused one) and removes the directory. */
    async stop() {
      await network.stop();
      killAll();
      process.removeListener('exit', killAll);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
