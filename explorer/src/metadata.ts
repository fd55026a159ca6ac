// What the portal learns from the runtime's metadata rather than knowing
// it: the variants of an enum (document and milestone types, roles), so
// that a runtime upgrade adding one needs no new portal.

import type { ApiPromise } from '@polkadot/api';

/** The variant names of the runtime enum whose type path ends in `name` (e.g. `DocumentType`). */
export function enumVariants(api: ApiPromise, name: string): string[] {
  const found = api.registry.lookup.types.find(({ type }) =>
    type.path.length > 0 && type.path[type.path.length - 1].toString() === name && type.def.isVariant);
  return found ? found.type.def.asVariant.variants.map((variant) => variant.name.toString()) : [];
}
