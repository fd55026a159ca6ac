// Agreements, filtered by status (stage) and by organisation.

import type { Context } from '../context';
import { h, replace, table } from '../dom';
import { words } from '../format';
import { text } from '../text';

/** The stages an agreement moves through, as the node names them. */
export const STAGES = ['draft', 'active', 'suspended', 'completed', 'terminated'];

/** One entry of a `civitas_agreements` page. */
interface Listed {
  id: number;
  role?: string;
}

/** Every page of one `civitas_agreements` query. */
async function all(context: Context, query: Record<string, unknown>): Promise<Listed[]> {
  const found: Listed[] = [];
  let after: number | null = null;
  for (;;) {
    const page: { agreements: Listed[]; next: number | null } =
      await context.chain.civitas('agreements', [{ ...query, after }]);
    found.push(...page.agreements);
    if (page.next === null) return found;
    after = page.next;
  }
}

/** Renders the agreements matching `filter` (`stage`, `organisation`) into `main`. */
export async function agreementsPage(context: Context, main: HTMLElement, filter: URLSearchParams): Promise<void> {
  const t = text.agreements;
  const stage = filter.get('stage') ?? '';
  const organisation = filter.get('organisation') ?? '';
  const ids = (await context.chain.api.query.registry.organisations.keys())
    .map((key) => Number(key.args[0].toString()))
    .sort((a, b) => a - b);
  const names = await Promise.all(ids.map((id) => context.name(id)));

  let listed: Listed[];
  if (organisation !== '') listed = await all(context, { organisation: Number(organisation) });
  else if (stage !== '') listed = await all(context, { stage });
  else listed = (await Promise.all(STAGES.map((s) => all(context, { stage: s })))).flat().sort((a, b) => a.id - b.id);

  const rows = await Promise.all(listed.map(async (entry) => {
    const agreement = await context.chain.civitas('agreement', [entry.id]);
    const latest = agreement.versions[agreement.versions.length - 1];
    return { entry, title: latest?.terms.title ?? '', stage: agreement.status.stage as string };
  }));
  const shown = rows.filter((row) => stage === '' || row.stage === stage);

  const select = (name: string, label: string, options: Array<[string, string]>, value: string) =>
    h('label', {}, label, ' ', h('select', {
      name,
      onchange: (event: Event) => {
        const next = new URLSearchParams(filter);
        const chosen = (event.target as HTMLSelectElement).value;
        if (chosen === '') next.delete(name); else next.set(name, chosen);
        window.location.hash = `#/agreements?${next}`;
      },
    }, options.map(([key, shownAs]) => h('option', { value: key, selected: key === value }, shownAs))));

  replace(main,
    h('h1', {}, t.heading),
    h('form', { class: 'filters', onsubmit: (event: Event) => event.preventDefault() },
      select('stage', t.filterStage, [['', t.any], ...STAGES.map((s): [string, string] => [s, words(s)])], stage),
      select('organisation', t.filterOrganisation,
        [['', t.any], ...ids.map((id, k): [string, string] => [String(id), names[k]])], organisation)),
    shown.length === 0
      ? h('p', {}, t.empty)
      : table([t.id, t.titleColumn, t.stage, ...(organisation !== '' ? [t.role] : [])], shown.map((row) => [
        h('a', { href: `#/agreements/${row.entry.id}` }, String(row.entry.id)),
        row.title,
        words(row.stage),
        ...(organisation !== '' ? [words(row.entry.role ?? '')] : []),
      ])));
}
