// The actions the connected account may take on an agreement, offered only
// where its organisation and roles allow them (the runtime checks again,
// and a refusal is explained): signing proposed terms, opening a pool and
// approving its parameters, pledging, submitting evidence (files hashed
// here, never uploaded), giving a verdict, raising a dispute, consenting
// to final acceptance, and settling the escrow once the agreement ended.

import { u8aConcat } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import { sha256Of } from '../checks/file';
import type { Context } from '../context';
import { code, h } from '../dom';
import { words } from '../format';
import { enumVariants } from '../metadata';
import { text } from '../text';
import type { Acting } from './extension';
import { type Action, actionForm, field } from './form';
import { positiveAmount } from './submit';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** What the agreement page read, as far as the actions need it. */
export interface ActionData {
  id: number;
  agreement: Json;
  terms: Json;
  funding: Json;
  milestones: Json[];
  disputes: Json;
}

/** The parties' role of `organisation` in the agreement, if it is one. */
function roleOf(data: ActionData, organisation: number | null): string | null {
  return data.agreement.parties.find((party: Json) => party.organisation === organisation)?.role ?? null;
}

/** Whether `acting` may give a verdict under `rule` (the milestone's approval rule). */
function mayJudge(data: ActionData, acting: Acting, rule: Json[]): boolean {
  return rule.some((entry) => {
    if (!acting.roles.includes(entry.role)) return false;
    const from = entry.from;
    if (from.verifiers) return data.terms.verifiers.includes(acting.organisation);
    // Any party but the partner, who is paid and may not judge itself.
    if (from.anyParty) return ![null, 'privateParty'].includes(roleOf(data, acting.organisation));
    if (from.parties) return roleOf(data, acting.organisation) === from.parties;
    return from.organisation === acting.organisation;
  });
}

/** An amount input. */
function amountInput(name: string, required = true): HTMLInputElement {
  return h('input', { name, inputmode: 'decimal', required, autocomplete: 'off' }) as HTMLInputElement;
}

/** Signing each proposed version the organisation has not signed, showing the hash recomputed here. */
async function signActions(context: Context, acting: Acting, data: ActionData): Promise<Action[]> {
  const { api } = context.chain;
  const offered: Action[] = [];
  for (const version of data.agreement.versions as Json[]) {
    const signed = version.signatures.some((s: Json) => s.organisation === acting.organisation);
    if (version.state.state !== 'proposed' || signed) continue;
    // The terms as stored, SCALE-encoded and hashed here: what the
    // signature binds to is what the page shows, not a number taken on trust.
    const stored = (await api.query.agreements.versions(data.id, version.number)) as Json;
    const recomputed = stored.isSome ? blake2AsHex(stored.unwrap().terms.toU8a(), 256) : null;
    const t = text.actions;
    offered.push({
      name: `sign-${version.number}`,
      heading: t.sign(version.number),
      about: [
        h('p', {}, t.signHash, ' ', code(version.termsHash)),
        h('p', { class: recomputed === version.termsHash ? 'match' : 'mismatch' },
          recomputed === version.termsHash ? t.signRecomputed : t.signNotRecomputed),
      ],
      button: t.signButton,
      build: () => (recomputed === version.termsHash ? api.tx.agreements.sign(data.id, version.termsHash) : t.signNotRecomputed),
    });
  }
  return offered;
}

/** Opening a pool, approving a proposed one's parameters, pledging to an open one. */
async function poolActions(context: Context, acting: Acting, data: ActionData): Promise<Action[]> {
  const { api } = context.chain;
  const t = text.actions;
  const party = roleOf(data, acting.organisation);
  const pool = data.funding.pool;
  const state = pool?.status.state ?? null;
  const offered: Action[] = [];
  const active = data.agreement.status.stage === 'active';
  const signatory = acting.roles.includes('signatory');

  if (active && signatory && party === 'publicAuthority' && (state === null || state === 'failed' || state === 'rejected')) {
    const target = amountInput('target');
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const perDay = Math.floor(86_400_000 / Number(api.consts.aura.slotDuration.toString()));
    const deadline = h('input', { name: 'deadline', type: 'number', min: best + 1, value: best + 14 * perDay, required: true }) as HTMLInputElement;
    const cofunders = (data.agreement.parties as Json[]).filter((p) => p.role === 'funder' || p.role === 'publicAuthority');
    const minima = await Promise.all(cofunders.map(async (p) => [p.organisation as number, await context.name(p.organisation), amountInput(`minimum-${p.organisation}`, false)] as const));
    offered.push({
      name: 'open-pool',
      heading: t.openPool,
      controls: [
        field(t.poolTarget(context.symbol), target),
        field(t.poolDeadline, deadline, t.poolDeadlineHint(best, perDay)),
        h('fieldset', {}, h('legend', {}, t.poolMinima(context.symbol)),
          minima.map(([, name, input]) => field(name, input))),
      ],
      button: t.openPoolButton,
      build: () => {
        const planck = positiveAmount(context, target.value);
        if (planck === null) return t.badAmount;
        const required = [];
        for (const [organisation, , input] of minima) {
          if (input.value.trim() === '') continue;
          const minimum = positiveAmount(context, input.value);
          if (minimum === null) return t.badAmount;
          required.push({ organisation, minimum: { Amount: minimum } });
        }
        return api.tx.pools.openPool(data.id, planck, Number(deadline.value), required);
      },
    });
  }

  if (state === 'proposed' && signatory && party && !pool.status.approvedBy.includes(acting.organisation)) {
    // The parameters hash (docs/pools.md), recomputed here from the pool as stored.
    const stored = ((await api.query.pools.pools(pool.id)) as Json).unwrap();
    const parameters = blake2AsHex(u8aConcat(stored.agreement.toU8a(), stored.target.toU8a(),
      stored.deadline.toU8a(), stored.required.toU8a()), 256);
    offered.push({
      name: 'approve-pool',
      heading: t.approvePool(pool.id),
      about: [h('p', {}, t.poolParameters, ' ', code(parameters))],
      button: t.approvePoolButton,
      build: () => api.tx.pools.approvePool(pool.id, parameters),
    });
  }

  if (state === 'open' && acting.roles.includes('financeOfficer') && (party === 'funder' || party === 'publicAuthority')) {
    const input = amountInput('amount');
    offered.push({
      name: 'pledge',
      heading: t.pledge,
      controls: [field(t.pledgeAmount(context.symbol), input)],
      button: t.pledgeButton,
      build: () => {
        const planck = positiveAmount(context, input.value);
        return planck === null ? t.badAmount : api.tx.pools.pledge(pool.id, planck);
      },
    });
  }
  return offered;
}

/** Evidence for each milestone awaiting it, and verdicts on evidence under review. */
async function milestoneActions(context: Context, acting: Acting, data: ActionData): Promise<Action[]> {
  const { api } = context.chain;
  const t = text.actions;
  const party = roleOf(data, acting.organisation);
  const offered: Action[] = [];
  const active = data.agreement.status.stage === 'active';
  for (const milestone of data.milestones) {
    const review = milestone.review;
    const state = review?.state.state ?? null;
    // Evidence: by the private party's finance officers, while the
    // milestone has none under review and is not closed.
    if (active && party === 'privateParty' && acting.roles.includes('financeOfficer') && (state === null || state === 'notMet')) {
      const kind = h('select', { name: 'kind' }, enumVariants(api, 'DocumentType').map((name) =>
        h('option', { value: name, selected: name === 'PhysicalProgressReport' }, words(name)))) as HTMLSelectElement;
      const documentFile = h('input', { type: 'file', name: 'document', class: 'file-input' }) as HTMLInputElement;
      const uri = h('input', { type: 'url', name: 'uri', required: true }) as HTMLInputElement;
      const invoiceFile = h('input', { type: 'file', name: 'invoice', class: 'file-input' }) as HTMLInputElement;
      const invoiceAmount = amountInput('invoiceAmount');
      offered.push({
        name: `evidence-${milestone.index}`,
        heading: t.evidence(milestone.index),
        controls: [
          field(t.documentType, kind), field(t.documentFile, documentFile), field(t.documentUri, uri),
          field(t.invoiceFile, invoiceFile), field(t.invoiceAmount(context.symbol), invoiceAmount),
        ],
        button: t.evidenceButton,
        build: async () => {
          const document = documentFile.files?.[0];
          const invoice = invoiceFile.files?.[0];
          if (!document || !invoice) return t.missingFile;
          const planck = positiveAmount(context, invoiceAmount.value);
          if (planck === null) return t.badAmount;
          return api.tx.disbursements.submitEvidence(data.id, milestone.index,
            [{ kind: kind.value, sha256: await sha256Of(document), uri: uri.value }],
            [{ sha256: await sha256Of(invoice), amount: planck }]);
        },
      });
    }

    // A verdict: on evidence under review, by an approver the rule names,
    // once per approver (the runtime refuses a second).
    const judged = review?.verdicts.some((v: Json) => api.createType('AccountId', v.approver).eq(acting.address));
    if (state === 'underReview' && !judged && mayJudge(data, acting, milestone.approval)) {
      const verdict = h('select', { name: 'verdict' },
        h('option', { value: 'Met' }, t.met),
        h('option', { value: 'PartiallyMet' }, t.partiallyMet),
        h('option', { value: 'NotMet' }, t.notMet)) as HTMLSelectElement;
      const fraction = h('input', { name: 'fraction', inputmode: 'decimal' }) as HTMLInputElement;
      const note = h('textarea', { name: 'note', rows: 2 }) as HTMLTextAreaElement;
      // The evidence hash, recomputed here from the milestone as stored
      // (BLAKE2-256 of the SCALE tuple (payee organisation, documents,
      // invoices); docs/milestones.md): a verdict binds to it.
      const stored = ((await api.query.disbursements.milestones(data.id, milestone.index)) as Json).unwrap();
      const { organisation, documents, invoices } = stored.evidence;
      const recomputed = blake2AsHex(u8aConcat(organisation.toU8a(), documents.toU8a(), invoices.toU8a()), 256);
      const matches = recomputed === review.evidence.hash;
      offered.push({
        name: `verdict-${milestone.index}`,
        heading: t.verdict(milestone.index, review.round),
        about: [
          h('p', {}, t.evidenceHash, ' ', code(review.evidence.hash)),
          h('p', { class: matches ? 'match' : 'mismatch' }, matches ? t.evidenceRecomputed : t.evidenceNotRecomputed),
        ],
        controls: [field(t.verdictKind, verdict), field(t.fraction, fraction), field(t.note, note)],
        button: t.verdictButton,
        build: () => {
          if (!matches) return t.evidenceNotRecomputed;
          let chosen: Json = verdict.value;
          if (verdict.value === 'PartiallyMet') {
            const percent = Number(fraction.value.replace(',', '.'));
            if (!(percent > 0 && percent < 100)) return t.badFraction;
            // Per million, as the runtime's Permill.
            chosen = { PartiallyMet: Math.round(percent * 10_000) };
          }
          return api.tx.disbursements.approve(data.id, milestone.index, review.round, review.evidence.hash, chosen,
            blake2AsHex(note.value, 256));
        },
      });
    }
  }
  return offered;
}

/** A dispute, final acceptance, and settling once the agreement ended. */
async function lifecycleActions(context: Context, acting: Acting, data: ActionData): Promise<Action[]> {
  const { api } = context.chain;
  const t = text.actions;
  const party = roleOf(data, acting.organisation);
  const stage = data.agreement.status.stage;
  const offered: Action[] = [];
  const signatory = party !== null && acting.roles.includes('signatory');

  if (signatory && (stage === 'active' || stage === 'suspended') && !data.disputes.open) {
    const statement = h('textarea', { name: 'statement', rows: 3, required: true }) as HTMLTextAreaElement;
    offered.push({
      name: 'dispute',
      heading: t.dispute,
      about: [h('p', { class: 'hint' }, t.disputeExplain)],
      controls: [field(t.disputeStatement, statement)],
      button: t.disputeButton,
      build: () => (statement.value.trim() === '' ? t.disputeEmpty
        : api.tx.disbursements.raiseDispute(data.id, blake2AsHex(statement.value, 256))),
    });
  }

  if (signatory && stage === 'active') {
    const consents = ((await api.query.agreements.consents(data.id, 'Complete')) as unknown as Array<{ toNumber(): number }>)
      .map((organisation) => organisation.toNumber());
    if (!consents.includes(acting.organisation as number)) {
      const names = await Promise.all(consents.map((organisation) => context.name(organisation)));
      offered.push({
        name: 'complete',
        heading: t.complete,
        about: [h('p', { class: 'hint' }, t.completeExplain(names, data.agreement.parties.length - consents.length))],
        button: t.completeButton,
        build: () => api.tx.agreements.complete(data.id),
      });
    }
  }

  const settlement = data.funding.ledger?.settlement;
  if ((stage === 'completed' || stage === 'terminated') && data.funding.escrow && !settlement) {
    offered.push({
      name: 'settle',
      heading: t.settle,
      about: [h('p', { class: 'hint' }, t.settleExplain)],
      button: t.settleButton,
      build: () => api.tx.disbursements.settle(data.id),
    });
  }
  return offered;
}

/** The actions section of the agreement page, for `acting`. */
export async function actionsSection(context: Context, acting: Acting, data: ActionData): Promise<HTMLElement> {
  const offered = [
    ...await signActions(context, acting, data),
    ...await poolActions(context, acting, data),
    ...await milestoneActions(context, acting, data),
    ...await lifecycleActions(context, acting, data),
  ];
  return h('section', { 'aria-labelledby': 'actions', class: 'actions' },
    h('h2', { id: 'actions' }, text.actions.heading),
    offered.length ? offered.map((action) => actionForm(context, acting, action)) : h('p', {}, text.actions.nothing));
}
