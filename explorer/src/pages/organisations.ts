// The organisations admitted to the registry, with their members.

import type { Context } from '../context';
import { code, h, replace, table } from '../dom';
import { words } from '../format';
import { text } from '../text';

/** Renders every organisation into `main`. */
export async function organisationsPage(context: Context, main: HTMLElement): Promise<void> {
  const { api } = context.chain;
  // The typed storage map of the registry: its keys are the ids.
  const ids = (await api.query.registry.organisations.keys())
    .map((key) => Number(key.args[0].toString()))
    .sort((a, b) => a - b);
  const organisations = await Promise.all(ids.map((id) => context.organisation(id)));
  const t = text.organisations;
  replace(main,
    h('h1', {}, t.heading),
    table([t.id, t.name, t.kind, t.identifier, t.state, t.account, t.members, t.agreements], organisations.map((o) => [
      String(o.id),
      o.name,
      words(o.kind),
      `${o.identifier.scheme} ${o.identifier.id}`,
      words(o.status),
      code(o.account),
      h('ul', {}, o.members.map((member) => h('li', {}, code(member.account), ` ${member.roles.map(words).join(', ')}`))),
      h('a', { href: `#/agreements?organisation=${o.id}` }, t.agreements),
    ])));
}
