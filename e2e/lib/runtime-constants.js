// Reads the token constants from the runtime's source, the one place they are
// defined (runtime/src/token.rs), so the test compares the node's
// `system_properties` against the runtime rather than against a copy.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const tokenRs = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'runtime', 'src', 'token.rs');

function constant(source, name) {
  const match = source.match(new RegExp(`pub const ${name}: [^=]+= ([^;]+);`));
  if (!match) throw new Error(`${name} is not defined in ${tokenRs}`);
  return match[1].trim();
}

/** { symbol, decimals, ss58 } as the runtime defines them. */
export function tokenConstants() {
  const source = readFileSync(tokenRs, 'utf8');
  return {
    symbol: JSON.parse(constant(source, 'TOKEN_SYMBOL')),
    decimals: Number(constant(source, 'TOKEN_DECIMALS')),
    ss58: Number(constant(source, 'SS58_PREFIX')),
  };
}
