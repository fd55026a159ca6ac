// One agreement, whole: parties, terms and their versions, the pool and
// escrow, each milestone with its evidence, verdicts and payouts, the
// decision records, recoveries and disputes; the file and trail checks and
// the OCDS download. Milestones and payouts have ids of their own, which
// the stable links `#/agreements/A/milestones/M` and `#/agreements/A/payouts/P`
// scroll to.

import type { Vec, u32 } from '@polkadot/types';
import type { EventRecord } from '@polkadot/types/interfaces';

import { fileCheck } from '../checks/file';
import { trailCheck } from '../checks/trail';
import type { Context } from '../context';
import { type Child, code, facts, h, replace, table } from '../dom';
import { amount, block, type BlockTime, date, share, words } from '../format';
import { text } from '../text';
import { actionsSection } from '../wallet/actions';

// The JSON of the `civitas_*` methods is described in docs/auditor.md; the
// page reads it field by field and keeps it loosely typed.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** Everything the page shows, read at one block. */
interface Read {
  agreement: Json;
  funding: Json;
  milestones: Json[];
  payouts: Json[];
  recoveries: Json[];
  disputes: Json;
}

/** Reads agreement `id` at block `at`. */
async function read(context: Context, id: number, at: string): Promise<Read> {
  const call = (method: string, params: unknown[]) => context.chain.civitas(method, [...params, at]);
  const [agreement, funding, milestones, payouts, recoveries, disputes] = await Promise.all([
    call('agreement', [id]),
    call('funding', [id]),
    call('milestones', [id]),
    call('payouts', [id]),
    call('recoveries', [id, null, 100]),
    call('disputes', [id]),
  ]);
  return {
    agreement,
    funding,
    milestones: milestones.milestones,
    payouts: payouts.payouts,
    recoveries: recoveries.recoveries,
    disputes,
  };
}

/** The version whose terms are in force (or the draft's). */
function current(agreement: Json): Json {
  const inForce = agreement.versions.find((version: Json) => version.state.state === 'inForce');
  return inForce ?? agreement.versions[agreement.versions.length - 1];
}

/** The top-level fields of the terms that differ between two versions. */
function changedFields(before: Json, after: Json): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** The extrinsic of block `number` that made payout `payout`, from the block's events. */
async function extrinsicOf(context: Context, number: number, payout: number): Promise<number | null> {
  const { api } = context.chain;
  const hash = await api.rpc.chain.getBlockHash(number);
  const events = (await (await api.at(hash)).query.system.events()) as unknown as Vec<EventRecord>;
  for (const { event, phase } of events) {
    // The event's fields are named in the metadata; polkadot.js reads them by name.
    const data = event.data as unknown as { disbursement?: u32 };
    if (api.events.disbursements.MilestonePaid.is(event) && data.disbursement?.toNumber() === payout) {
      return phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null;
    }
  }
  return null;
}

/** The contract's answer in words: allowed, denied and why, or why it gave none. */
function answerOf(answer: Json): string {
  if (answer.decision === 'allow') return text.payout.allowed;
  if (answer.decision === 'deny') return text.payout.denied(words(String(answer.reason?.reason ?? answer.reason ?? '')));
  return text.payout.noAnswer(words(String(answer.error?.error ?? answer.error ?? '')));
}

/**
 * Renders agreement `id` into `main`, with the focus on `focus` (an element
 * id) if given; returns what stops its updates (the finality badges).
 */
export async function agreementPage(
  context: Context,
  main: HTMLElement,
  id: number,
  focus: string | null,
): Promise<() => void> {
  const { api } = context.chain;
  const at = (await api.rpc.chain.getBlockHash()).toHex();
  const data = await read(context, id, at);
  const t = text.agreement;
  const money = (value: string) => amount(value, context.symbol);
  const version = current(data.agreement);
  const terms = version.terms;
  const names = new Map<number, string>();
  const organisations = new Set<number>([
    ...data.agreement.parties.map((party: Json) => party.organisation),
    ...(terms.verifiers as number[]),
    ...data.milestones.flatMap((m: Json) => (m.review?.verdicts ?? []).map((v: Json) => v.organisation)),
  ]);
  await Promise.all([...organisations].map(async (o) => names.set(o, await context.name(o))));
  const nameOf = (o: number) => names.get(o) ?? `organisation ${o}`;

  const documents = (list: Json[], idPrefix: string): Child =>
    list.length === 0 ? text.none : h('ul', { class: 'documents' }, list.map((document: Json, k: number) =>
      h('li', { id: `${idPrefix}-${k}` },
        h('strong', {}, words(document.type)), ' ',
        h('a', { href: document.uri, rel: 'noopener noreferrer' }, document.uri), h('br'),
        'SHA-256 ', code(document.sha256),
        fileCheck(document.sha256))));

  const status = data.agreement.status;
  const heading = h('header', { class: 'page-head' },
    h('h1', {}, t.heading(id, terms.title)),
    facts([
      [t.status, `${words(status.stage)}${status.since ? ` ${t.since(block(status.since))}` : ''}${status.at ? ` ${t.since(block(status.at))}` : ''}`],
      [t.proposer, `${nameOf(data.agreement.proposerOrganisation)} (${data.agreement.proposer}), ${block(data.agreement.proposed)}`],
      [t.link, h('a', { href: `#/agreements/${id}` }, `${window.location.origin}${window.location.pathname}#/agreements/${id}`)],
    ]));

  const parties = h('section', { 'aria-labelledby': 'parties' },
    h('h2', { id: 'parties' }, t.parties),
    h('ul', {}, data.agreement.parties.map((party: Json) =>
      h('li', {}, `${nameOf(party.organisation)}: ${words(party.role)}`))));

  const termsSection = h('section', { 'aria-labelledby': 'terms' },
    h('h2', { id: 'terms' }, t.terms),
    facts([
      [t.termsHash, code(version.termsHash)],
      [t.value, money(terms.value)],
      [t.period, `${date(terms.period.startDate)} – ${date(terms.period.endDate)}`],
      [t.retention, share(terms.retention)],
      [t.penalty, share(terms.latePenaltyPerDay)],
      [t.conditions, code(terms.conditions.contract)],
      [t.codeHash, code(terms.conditions.codeHash)],
      [t.documents, documents(terms.documents, 'document')],
    ]));

  const versions = h('section', { 'aria-labelledby': 'versions' },
    h('h2', { id: 'versions' }, t.versions),
    data.agreement.versions.map((v: Json, k: number) => {
      const changed = k === 0 ? null : changedFields(data.agreement.versions[k - 1].terms, v.terms);
      return h('article', { class: 'version', id: `version-${v.number}` },
        h('h3', {}, t.version(v.number)),
        facts([
          [t.status, words(v.state.state)],
          [t.termsHash, code(v.termsHash)],
          ...(v.rationale ? [[t.rationale, code(v.rationale)] as [string, Child]] : []),
          ...(changed ? [[t.changed, changed.length ? changed.map(words).join(', ') : t.unchanged] as [string, Child]] : []),
          [t.signatures, h('ul', {}, v.signatures.map((s: Json) =>
            h('li', {}, t.signedBy(nameOf(s.organisation), s.signer, block(s.signed)))))],
        ]));
    }));

  const funding = data.funding;
  const pool = funding.pool;
  const poolSection = h('section', { 'aria-labelledby': 'pool' },
    h('h2', { id: 'pool' }, t.pool),
    pool === null ? h('p', {}, text.none) : [
      facts([
        [t.status, words(pool.status.state)],
        [t.target, money(pool.target)],
        [t.deadline, block(pool.deadline)],
        [t.required, h('ul', {}, pool.required.map((r: Json) => h('li', {},
          `${nameOf(r.organisation)}: ${r.minimum.amount ? money(r.minimum.amount) : share(r.minimum.share)}`)))],
        [t.pledges, funding.pledges.length === 0 ? text.none : h('ul', {}, funding.pledges.map((p: Json) =>
          h('li', {}, `${nameOf(p.organisation)}: ${money(p.amount)}`)))],
      ]),
      funding.escrow ? [
        h('h3', {}, t.escrow),
        table([text.organisations.name, t.committed, t.remaining, t.retained], funding.escrow.funders.map((f: Json) =>
          [nameOf(f.organisation), money(f.committed), money(f.remaining), money(f.retained)])),
        facts([[t.paid, money(funding.escrow.paid)]]),
      ] : null,
    ]);

  const badges: Array<{ element: HTMLElement; block: number }> = [];
  const badge = (number: number) => {
    const element = h('span', { class: 'badge' });
    badges.push({ element, block: number });
    return element;
  };
  const updateBadges = () => {
    for (const { element, block: number } of badges) {
      const final = number <= context.chain.finalised;
      element.className = `badge ${final ? 'final' : 'pending'}`;
      replace(element, final ? text.payout.finalised : text.payout.inBlock);
    }
  };

  const payoutView = (p: Json): HTMLElement => {
    const tp = text.payout;
    const named = data.agreement.versions.find((v: Json) => v.number === p.version)?.terms.conditions.codeHash;
    const matches = named === p.decision.codeHash;
    const where = h('span', {}, tp.extrinsic(p.paid.block, null));
    void extrinsicOf(context, p.paid.block, p.id).then((index) => replace(where, tp.extrinsic(p.paid.block, index)));
    return h('article', { class: 'payout', id: `payout-${p.id}` },
      h('h4', {}, h('a', { href: `#/agreements/${id}/payouts/${p.id}` }, tp.heading(p.id)), ' ', badge(p.paid.block)),
      facts([
        [tp.gross, money(p.gross)],
        [tp.penalty, money(p.penalty)],
        [tp.retention, money(p.retention)],
        [tp.offset, money(p.offset)],
        [tp.net, money(p.net)],
        [tp.payee, [nameOf(p.payeeOrganisation), ' ', code(p.payee)]],
        [tp.split, h('ul', {}, p.split.map((s: Json) =>
          h('li', {}, tp.splitRow(nameOf(s.organisation), money(s.paid), money(s.retained), money(s.offset)))))],
        [tp.where, [where, ', ', block(p.paid)]],
        [tp.decision, facts([
          [tp.contract, code(p.decision.contract)],
          [tp.decisionCodeHash, [code(p.decision.codeHash), ' ',
            h('span', { class: matches ? 'match' : 'mismatch' }, matches ? tp.codeHashMatches : tp.codeHashDiffers)]],
          [tp.answer, answerOf(p.decision.answer)],
          [tp.inputHash, code(p.decision.inputHash)],
        ])],
      ]));
  };

  const milestones = h('section', { 'aria-labelledby': 'milestones' },
    h('h2', { id: 'milestones' }, t.milestones),
    data.milestones.map((m: Json) => {
      const tm = text.milestone;
      const review = m.review;
      return h('article', { class: 'milestone', id: `milestone-${m.index}` },
        h('h3', {}, h('a', { href: `#/agreements/${id}/milestones/${m.index}` }, tm.heading(m.index)), ' ',
          h('span', { class: `status ${m.status}` }, words(m.status))),
        facts([
          [tm.amount, money(m.amount)],
          [tm.due, date(m.dueDate)],
          [tm.ocdsStatus, words(m.status)],
          [tm.review, review ? `${words(review.state.state)}${review.state.at ? `, ${block(review.state.at as BlockTime)}` : ''}` : tm.noEvidence],
        ]),
        review ? [
          h('h4', {}, tm.evidence(review.round)),
          facts([
            [tm.submittedBy, `${nameOf(review.evidence.organisation)} (${review.evidence.submitter}), ${block(review.evidence.submitted)}`],
            [text.agreement.documents, documents(review.evidence.documents, `milestone-${m.index}-document`)],
            [tm.invoices, review.evidence.invoices.length === 0 ? text.none : h('ul', {}, review.evidence.invoices.map((invoice: Json) =>
              h('li', {}, money(invoice.amount), ', SHA-256 ', code(invoice.sha256), fileCheck(invoice.sha256))))],
            [tm.verdicts, review.verdicts.length === 0 ? text.none : h('ul', {}, review.verdicts.map((v: Json) =>
              h('li', {}, tm.verdict(v.approver, v.roles.map(words).join(', '), nameOf(v.organisation),
                `${words(v.verdict)}${v.fraction && v.fraction !== '1' ? ` (${share(v.fraction)})` : ''}`, block(v.given)))))],
          ]),
        ] : null,
        data.payouts.filter((p: Json) => p.milestone === m.index).map(payoutView));
    }));

  const recoveries = h('section', { 'aria-labelledby': 'recoveries' },
    h('h2', { id: 'recoveries' }, t.recoveries),
    data.recoveries.length === 0 ? h('p', {}, text.none) : h('ul', {}, data.recoveries.map((r: Json) =>
      h('li', { id: `recovery-${r.id}` },
        `${r.id}: ${money(r.amount)} on payout ${r.payout}, ${words(r.status.state)} (${block(r.opened)}), `, code(r.reason)))));

  const open = data.disputes.open;
  const disputes = h('section', { 'aria-labelledby': 'disputes' },
    h('h2', { id: 'disputes' }, t.disputes),
    h('p', {}, open ? t.openDispute(`${nameOf(open.organisation)} (${open.raisedBy})`, block(open.raised)) : t.noDispute));

  const download = h('button', {
    type: 'button',
    onclick: async () => {
      const pkg = await context.chain.civitas('ocdsReleasePackage', [id, at]);
      const url = URL.createObjectURL(new Blob([JSON.stringify(pkg, null, 2)], { type: 'application/json' }));
      const link = h('a', { href: url, download: `civitas-agreement-${id}-ocds.json` });
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    },
  }, t.ocds);

  const acting = context.acting;
  const actionsPart = acting
    ? await actionsSection(context, acting, {
      id, agreement: data.agreement, terms, funding, milestones: data.milestones, disputes: data.disputes,
    })
    : null;

  replace(main, heading, actionsPart, parties, termsSection, versions, poolSection, milestones, recoveries, disputes,
    h('section', { 'aria-labelledby': 'checks' },
      h('h2', { id: 'checks' }, text.trailCheck.button),
      trailCheck(context, id),
      h('p', {}, download, ' ', h('span', { class: 'hint' }, t.ocdsHint))));

  updateBadges();
  const stop = context.chain.onFinalised(updateBadges);
  // A stable link's target takes the focus, so that the keyboard and screen
  // readers start where the link points.
  const target = focus ? document.getElementById(focus) : null;
  if (target) {
    target.tabIndex = -1;
    target.focus();
  }
  return stop;
}
