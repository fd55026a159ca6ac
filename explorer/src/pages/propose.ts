// Proposing an agreement: a form for a public authority's signatory, not
// raw SCALE. Parties with their parts, the value and period, the
// milestones with who approves them, retention and late penalty, the
// verifiers, the contract documents (hashed here, never uploaded) and the
// funding-conditions contract, whose code hash is read from the chain.
// The runtime checks everything again; a refusal is explained.

import type { ApiPromise } from '@polkadot/api';

import { sha256Of } from '../checks/file';
import type { Context, Organisation } from '../context';
import { code, h, replace } from '../dom';
import { words } from '../format';
import { enumVariants } from '../metadata';
import { text } from '../text';
import { type Built, actionForm, field } from '../wallet/form';
import { positiveAmount } from '../wallet/submit';

const DAY = 86_400_000;

/** Milliseconds since 1970 of a date input's day: its start, or its last millisecond. */
function dayOf(input: HTMLInputElement, end: boolean): number | null {
  const start = Date.parse(`${input.value}T00:00:00Z`);
  return Number.isNaN(start) ? null : end ? start + DAY - 1 : start;
}

/** A `<select>` of `options` ([value, label]). */
function select(name: string, options: Array<[string, string]>, chosen?: string): HTMLSelectElement {
  return h('select', { name }, options.map(([value, label]) =>
    h('option', { value, selected: value === chosen }, label))) as HTMLSelectElement;
}

/** A list of rows the user may add to and remove from; `make` draws one row and returns its reader. */
function rows<T>(legend: string, add: string, make: () => { row: HTMLElement; read: () => T | string }, initial = 1) {
  const readers = new Map<HTMLElement, () => T | string>();
  const list = h('div', { class: 'rows' });
  const addRow = () => {
    const { row, read } = make();
    const remove = h('button', { type: 'button', class: 'remove', onclick: () => { readers.delete(row); row.remove(); } },
      text.propose.remove);
    row.append(remove);
    readers.set(row, read);
    list.append(row);
  };
  for (let i = 0; i < initial; i++) addRow();
  const element = h('fieldset', {}, h('legend', {}, legend), list, h('button', { type: 'button', onclick: addRow }, add));
  /** Every row's value, or the first row's complaint. */
  const read = (): T[] | string => {
    const values: T[] = [];
    for (const reader of readers.values()) {
      const value = reader();
      if (typeof value === 'string') return value;
      values.push(value);
    }
    return values;
  };
  return { element, read };
}

/** The funding-conditions contract at `address`: its code hash, or why there is none. */
async function codeHashOf(api: ApiPromise, address: string): Promise<string | null> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return null;
  const info = (await api.query.revive.accountInfoOf(address)) as unknown as {
    isSome: boolean;
    unwrap(): { accountType: { isContract: boolean; asContract: { codeHash: { toHex(): string } } } };
  };
  if (!info.isSome || !info.unwrap().accountType.isContract) return null;
  return info.unwrap().accountType.asContract.codeHash.toHex();
}

/** Renders the proposal form into `main`. */
export async function proposePage(context: Context, main: HTMLElement): Promise<void> {
  const { api } = context.chain;
  const t = text.propose;
  const acting = context.acting;
  const organisations = await Promise.all((await api.query.registry.organisations.keys())
    .map((key) => Number(key.args[0].toString())).sort((a, b) => a - b)
    .map((id) => context.organisation(id)));
  const own = organisations.find((o) => o.id === acting?.organisation);
  if (!acting || !own || own.kind !== 'publicAuthority' || !acting.roles.includes('signatory')) {
    replace(main, h('h1', {}, t.heading), h('p', {}, t.whoMay));
    return;
  }
  const planck = (input: HTMLInputElement) => positiveAmount(context, input.value);
  const percent = (input: HTMLInputElement) => {
    const value = Number(input.value.replace(',', '.') || '0');
    return value >= 0 && value <= 100 ? Math.round(value * 10_000) : null;
  };
  const organisationOptions = (filter: (o: Organisation) => boolean): Array<[string, string]> =>
    organisations.filter(filter).map((o) => [String(o.id), `${o.name} (${words(o.kind)})`]);

  const title = h('input', { name: 'title', required: true, maxlength: 128 }) as HTMLInputElement;
  const roles: Array<[string, string]> = enumVariants(api, 'PartyRole').map((role) => [role, words(role)]);
  let first = true;
  const parties = rows(t.parties, t.addParty, () => {
    // The proposer's organisation first, as the public authority.
    const organisation = select('party', organisationOptions((o) => o.status === 'active'), first ? String(own.id) : undefined);
    const role = select('role', roles, first ? 'PublicAuthority' : 'PrivateParty');
    first = false;
    return {
      row: h('div', { class: 'row' }, field(t.organisation, organisation), field(t.role, role)),
      read: () => ({ organisation: Number(organisation.value), role: role.value }),
    };
  }, 2);
  const value = h('input', { name: 'value', inputmode: 'decimal', required: true }) as HTMLInputElement;
  const start = h('input', { name: 'start', type: 'date', required: true }) as HTMLInputElement;
  const end = h('input', { name: 'end', type: 'date', required: true }) as HTMLInputElement;
  const milestoneTypes: Array<[string, string]> = enumVariants(api, 'MilestoneType').map((kind) => [kind, words(kind)]);
  const milestones = rows(t.milestones, t.addMilestone, () => {
    const amount = h('input', { name: 'amount', inputmode: 'decimal', required: true }) as HTMLInputElement;
    const due = h('input', { name: 'due', type: 'date', required: true }) as HTMLInputElement;
    const kind = select('kind', milestoneTypes, 'Delivery');
    const verifiers = h('input', { name: 'verifierApprovals', type: 'number', min: 0, max: 8, value: 1 }) as HTMLInputElement;
    const officers = h('input', { name: 'officerApprovals', type: 'number', min: 0, max: 8, value: 1 }) as HTMLInputElement;
    return {
      row: h('div', { class: 'row' }, field(t.amount(context.symbol), amount), field(t.due, due), field(t.milestoneType, kind),
        field(t.verifierApprovals, verifiers), field(t.officerApprovals, officers)),
      read: () => {
        const money = planck(amount);
        const when = dayOf(due, true);
        if (money === null) return t.badAmount;
        if (when === null) return t.badDate;
        const approval = [];
        if (Number(verifiers.value) > 0) approval.push({ role: 'Verifier', count: Number(verifiers.value), from: 'Verifiers' });
        if (Number(officers.value) > 0) approval.push({ role: 'FinanceOfficer', count: Number(officers.value), from: 'AnyParty' });
        if (approval.length === 0) return t.noApprovers;
        return { amount: money, due: when, kind: kind.value, approval };
      },
    };
  });
  const retention = h('input', { name: 'retention', inputmode: 'decimal', value: '5' }) as HTMLInputElement;
  const penalty = h('input', { name: 'penalty', inputmode: 'decimal', value: '0.1' }) as HTMLInputElement;
  const verifierBoxes = organisations.filter((o) => o.kind === 'verifier' || o.kind === 'auditor').map((o) =>
    [o.id, h('input', { type: 'checkbox', name: 'verifier', value: o.id }) as HTMLInputElement, o.name] as const);
  const documentTypes: Array<[string, string]> = enumVariants(api, 'DocumentType').map((kind) => [kind, words(kind)]);
  const documents = rows(t.documents, t.addDocument, () => {
    const kind = select('documentType', documentTypes, 'ContractSigned');
    const file = h('input', { type: 'file', name: 'documentFile', class: 'file-input' }) as HTMLInputElement;
    const uri = h('input', { type: 'url', name: 'documentUri' }) as HTMLInputElement;
    const hashed = h('span', { class: 'hint' });
    let sha256: string | null = null;
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      sha256 = chosen ? await sha256Of(chosen) : null;
      replace(hashed, sha256 ? [t.sha256, ' ', code(sha256)] : '');
    });
    return {
      row: h('div', { class: 'row' }, field(t.documentType, kind), field(t.documentFile, file), hashed, field(t.documentUri, uri)),
      read: () => (sha256 === null ? t.missingDocument : { kind: kind.value, sha256, uri: uri.value }),
    };
  });
  const contract = h('input', { name: 'contract', required: true, placeholder: '0x…', autocomplete: 'off' }) as HTMLInputElement;
  const contractHash = h('p', { class: 'hint', role: 'status' }, t.contractHint);
  contract.addEventListener('change', async () => {
    const found = await codeHashOf(api, contract.value.trim());
    replace(contractHash, found ? [t.codeHash, ' ', code(found)] : t.noContract);
  });

  const build = async (): Promise<Built> => {
    const partyList = parties.read();
    if (typeof partyList === 'string') return partyList;
    const money = planck(value);
    if (money === null) return t.badAmount;
    const from = dayOf(start, false);
    const to = dayOf(end, true);
    if (from === null || to === null) return t.badDate;
    const schedule = milestones.read();
    if (typeof schedule === 'string') return schedule;
    const files = documents.read();
    if (typeof files === 'string') return files;
    const [retained, late] = [percent(retention), percent(penalty)];
    if (retained === null || late === null) return t.badPercent;
    const address = contract.value.trim();
    const codeHash = await codeHashOf(api, address);
    if (codeHash === null) return t.noContract;
    return api.tx.agreements.propose(partyList, {
      title: title.value,
      value: money,
      period: { start: from, end: to },
      milestones: schedule,
      retention: retained,
      latePenaltyPerDay: late,
      conditions: { address, codeHash },
      verifiers: verifierBoxes.filter(([, box]) => box.checked).map(([id]) => id),
      documents: files,
    });
  };

  replace(main,
    h('h1', {}, t.heading),
    h('p', { class: 'hint' }, t.explain),
    actionForm(context, acting, {
      name: 'propose',
      heading: t.formHeading(own.name),
      controls: [
        field(t.title, title), parties.element,
        field(t.value(context.symbol), value), field(t.start, start), field(t.end, end),
        milestones.element,
        field(t.retention, retention), field(t.penalty, penalty),
        h('fieldset', {}, h('legend', {}, t.verifiers),
          verifierBoxes.map(([, box, name]) => h('label', { class: 'check' }, box, ' ', name))),
        documents.element,
        field(t.contract, contract), contractHash,
      ],
      button: t.button,
      build,
      // The new agreement's page, from the `Proposed` event.
      link: (events) => {
        const proposed = events.find(({ event }) => api.events.agreements.Proposed.is(event));
        return proposed ? `#/agreements/${proposed.event.data[0].toString()}` : null;
      },
    }));
}
