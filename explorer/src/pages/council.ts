// The council of member institutions (docs/governance.md): its seats and
// the majorities its decisions need, every open motion with its call and
// votes, and, with a wallet, what the account may do: a council member
// puts a governance act to a vote and votes; anyone closes a motion that
// is decided and releases a closed motion's deposit. The thresholds are
// the runtime's own rules (`runtime/src/configs/council.rs`): more than
// half of all seats, or two thirds for upgrades and the council's seats,
// and never fewer than two ayes.

import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { blake2AsHex, keccakAsHex } from '@polkadot/util-crypto';

import { sha256Of } from '../checks/file';
import type { Context } from '../context';
import { code, facts, h, replace, table } from '../dom';
import { words } from '../format';
import { enumVariants } from '../metadata';
import { text } from '../text';
import type { Acting } from '../wallet/extension';
import { type Action, type Built, actionForm, field } from '../wallet/form';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** Fewest ayes any motion needs (`MIN_AYES`). */
const MIN_AYES = 2;

/** Ayes a call needs of `seats`: two thirds for upgrades and seats, else more than half. */
export function threshold(seats: number, twoThirds: boolean): number {
  const needed = twoThirds ? Math.ceil((2 * seats) / 3) : Math.floor(seats / 2) + 1;
  return Math.max(MIN_AYES, needed);
}

/** Whether `section.method` needs two thirds of the seats. */
function needsTwoThirds(section: string, method: string): boolean {
  return (section === 'governance' && method === 'authorizeUpgrade') || section === 'councilMembership'
    || section === 'validators';
}

/** One open motion as the page shows it. */
interface Motion {
  hash: string;
  index: number;
  call: Json;
  threshold: number;
  ayes: string[];
  nays: string[];
  end: number;
}

/** Reads the open motions, in the order they were put. */
async function motions(context: Context): Promise<Motion[]> {
  const { api } = context.chain;
  const hashes = (await api.query.council.proposals()) as unknown as Json[];
  const read = await Promise.all(hashes.map(async (hash) => {
    const [call, voting] = await Promise.all([api.query.council.proposalOf(hash), api.query.council.voting(hash)]) as Json[];
    if (call.isNone || voting.isNone) return null;
    const votes = voting.unwrap();
    return {
      hash: hash.toHex(),
      index: votes.index.toNumber(),
      call: call.unwrap(),
      threshold: votes.threshold.toNumber(),
      ayes: votes.ayes.map((who: Json) => who.toString()),
      nays: votes.nays.map((who: Json) => who.toString()),
      end: votes.end.toNumber(),
    } as Motion;
  }));
  return read.filter((motion): motion is Motion => motion !== null).sort((a, b) => a.index - b.index);
}

/** What a motion's call does, as `section.method` and its arguments. */
function callView(call: Json): HTMLElement {
  const human = call.toHuman() as { section: string; method: string; args: Record<string, unknown> };
  return h('div', { class: 'call' },
    h('p', {}, code(`${human.section}.${human.method}`)),
    facts(Object.entries(human.args ?? {}).map(([name, value]) =>
      [words(name.replace(/_/g, ' ')), typeof value === 'string' ? value : JSON.stringify(value)])));
}

/** Where a motion stands: carried, failed, expired, or voting. */
function standing(motion: Motion, seats: number, best: number): { closable: boolean; said: string } {
  const t = text.council;
  if (motion.ayes.length >= motion.threshold) return { closable: true, said: t.carried };
  if (motion.nays.length > seats - motion.threshold) return { closable: true, said: t.cannotPass };
  if (best >= motion.end) return { closable: true, said: t.expired };
  return { closable: false, said: t.voting(motion.end) };
}

/** Puts `call` to the council with the threshold its majority needs. */
function propose(context: Context, seats: number, call: SubmittableExtrinsic<'promise'>): Built {
  const { api } = context.chain;
  const { section, method } = call.method;
  const needed = threshold(seats, needsTwoThirds(section, method));
  return api.tx.council.propose(needed, call, call.method.encodedLength);
}

/** A 0x-prefixed 32-byte hash typed in, or null. */
function hash32(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  return /^0x[0-9a-f]{64}$/.test(trimmed) ? trimmed : null;
}

/**
 * A file input and the hash input it fills: choosing a file hashes it in
 * the browser with `hash`; the hash may also be typed in.
 */
function hashedFile(fileName: string, accept: string, hashName: string, hash: (bytes: Uint8Array) => string) {
  const hashInput = h('input', { name: hashName, autocomplete: 'off', size: 68, placeholder: '0x…' }) as HTMLInputElement;
  const file = h('input', { name: fileName, type: 'file', accept }) as HTMLInputElement;
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (chosen) hashInput.value = hash(new Uint8Array(await chosen.arrayBuffer()));
  });
  return { file, hash: hashInput };
}

/** The governance acts a council member may put to a vote from here. */
function proposals(context: Context, acting: Acting, seats: number, approved: string[], validators: string[]): HTMLElement[] {
  const { api } = context.chain;
  const t = text.council;
  const forms: Action[] = [];

  // Admitting an organisation.
  const kind = h('select', { name: 'kind' }, enumVariants(api, 'OrganisationKind').map((variant) =>
    h('option', { value: variant }, words(variant)))) as HTMLSelectElement;
  const scheme = h('input', { name: 'scheme', required: true, value: 'XI-LEI', autocomplete: 'off' }) as HTMLInputElement;
  const identifier = h('input', { name: 'identifier', required: true, autocomplete: 'off' }) as HTMLInputElement;
  const name = h('input', { name: 'name', required: true, autocomplete: 'off' }) as HTMLInputElement;
  const admin = h('input', { name: 'admin', required: true, autocomplete: 'off', size: 50 }) as HTMLInputElement;
  forms.push({
    name: 'propose-admit',
    heading: t.admit,
    about: [h('p', {}, t.majorityNeeded(threshold(seats, false), seats))],
    controls: [field(t.kind, kind), field(t.scheme, scheme), field(t.identifier, identifier), field(t.name, name),
      field(t.admin, admin, t.adminHint)],
    button: t.proposeButton,
    build: () => {
      try {
        api.createType('AccountId', admin.value.trim());
      } catch {
        return t.badAccount;
      }
      return propose(context, seats, api.tx.registry.admit(kind.value,
        { scheme: scheme.value.trim(), id: identifier.value.trim() }, name.value.trim(), admin.value.trim()));
    },
  });

  // Approving contract code: its hash typed in, or computed here from the program.
  const { file: program, hash: codeHash } = hashedFile('program', '.polkavm', 'codeHash', (bytes) => keccakAsHex(bytes));
  forms.push({
    name: 'propose-approve-code',
    heading: t.approveCode,
    about: [h('p', {}, t.approveCodeAbout), h('p', {}, t.majorityNeeded(threshold(seats, false), seats))],
    controls: [field(t.program, program, t.programHint), field(t.codeHash, codeHash)],
    button: t.proposeButton,
    build: () => {
      const hash = hash32(codeHash.value);
      if (!hash) return t.badHash;
      if (approved.includes(hash)) return t.alreadyApproved;
      return propose(context, seats, api.tx.governance.approveCode(hash));
    },
  });

  // Revoking an approval.
  if (approved.length > 0) {
    const revoked = h('select', { name: 'revoked' }, approved.map((hash) => h('option', { value: hash }, hash))) as HTMLSelectElement;
    forms.push({
      name: 'propose-revoke-code',
      heading: t.revokeCode,
      about: [h('p', {}, t.revokeCodeAbout), h('p', {}, t.majorityNeeded(threshold(seats, false), seats))],
      controls: [field(t.codeHash, revoked)],
      button: t.proposeButton,
      build: () => propose(context, seats, api.tx.governance.revokeCode(revoked.value)),
    });
  }

  // Resolving a dispute: the resolution document is hashed here, never uploaded.
  const agreement = h('input', { name: 'agreement', type: 'number', min: 0, required: true }) as HTMLInputElement;
  const resolution = h('input', { name: 'resolution', type: 'file', required: true }) as HTMLInputElement;
  const unfounded = h('input', { name: 'unfounded', type: 'checkbox' }) as HTMLInputElement;
  forms.push({
    name: 'propose-resolve-dispute',
    heading: t.resolveDispute,
    about: [h('p', {}, t.majorityNeeded(threshold(seats, false), seats))],
    controls: [field(t.agreement, agreement), field(t.resolution, resolution, t.resolutionHint),
      h('label', { class: 'field check' }, unfounded, ' ', t.unfounded)],
    button: t.proposeButton,
    build: async () => {
      const file = resolution.files?.[0];
      if (!file || agreement.value === '') return t.missing;
      const hash = await sha256Of(file);
      return propose(context, seats,
        api.tx.disbursements.resolveDispute(Number(agreement.value), hash, unfounded.checked));
    },
  });

  // Authorising a runtime upgrade: the Wasm's BLAKE2-256 computed here.
  const { file: wasm, hash: runtimeHash } = hashedFile('wasm', '.wasm', 'runtimeHash', (bytes) => blake2AsHex(bytes, 256));
  forms.push({
    name: 'propose-upgrade',
    heading: t.upgrade,
    about: [h('p', {}, t.upgradeAbout), h('p', {}, t.majorityNeeded(threshold(seats, true), seats))],
    controls: [field(t.wasm, wasm, t.wasmHint), field(t.runtimeHash, runtimeHash)],
    button: t.proposeButton,
    build: () => {
      const hash = hash32(runtimeHash.value);
      return hash ? propose(context, seats, api.tx.governance.authorizeUpgrade(hash)) : t.badHash;
    },
  });

  // Adding a validator: only an account that registered session keys.
  const candidate = h('input', { name: 'validator', autocomplete: 'off', size: 50 }) as HTMLInputElement;
  forms.push({
    name: 'propose-add-validator',
    heading: t.addValidator,
    about: [h('p', {}, t.addValidatorAbout), h('p', {}, t.majorityNeeded(threshold(seats, true), seats))],
    controls: [field(t.validatorAccount, candidate)],
    button: t.proposeButton,
    build: async () => {
      let who;
      try {
        who = api.createType('AccountId', candidate.value.trim());
      } catch {
        return t.badAccount;
      }
      if (validators.includes(who.toString())) return t.alreadyValidator;
      const keys = (await api.query.session.nextKeys(who)) as Json;
      if (keys.isNone) return t.noSessionKeys;
      return propose(context, seats, api.tx.validators.addValidator(who));
    },
  });

  // Removing one.
  const leaving = h('select', { name: 'leaving' }, validators.map((who) => h('option', { value: who }, who))) as HTMLSelectElement;
  forms.push({
    name: 'propose-remove-validator',
    heading: t.removeValidator,
    about: [h('p', {}, t.removeValidatorAbout), h('p', {}, t.majorityNeeded(threshold(seats, true), seats))],
    controls: [field(t.validatorAccount, leaving)],
    button: t.proposeButton,
    build: () => propose(context, seats, api.tx.validators.removeValidator(leaving.value)),
  });

  return forms.map((action) => actionForm(context, acting, action));
}

/** The votes and the close a motion offers `acting`. */
async function motionActions(context: Context, acting: Acting | null, motion: Motion, member: boolean,
  closable: boolean): Promise<HTMLElement[]> {
  if (!acting) return [];
  const { api } = context.chain;
  const t = text.council;
  const offered: Action[] = [];
  const me = api.createType('AccountId', acting.address).toString();
  if (member && !motion.ayes.includes(me)) {
    offered.push({ name: `aye-${motion.index}`, heading: t.voteAye, button: t.voteAyeButton,
      build: () => api.tx.council.vote(motion.hash, motion.index, true) });
  }
  if (member && !motion.nays.includes(me)) {
    offered.push({ name: `nay-${motion.index}`, heading: t.voteNay, button: t.voteNayButton,
      build: () => api.tx.council.vote(motion.hash, motion.index, false) });
  }
  if (closable) {
    const length = motion.call.encodedLength as number;
    // The bound must cover the call's weight: ask the runtime for it.
    const info = (await api.call.transactionPaymentCallApi.queryCallInfo(motion.call, length)) as Json;
    offered.push({ name: `close-${motion.index}`, heading: t.close, button: t.closeButton,
      build: () => api.tx.council.close(motion.hash, motion.index, info.weight, length) });
  }
  return offered.map((action) => actionForm(context, acting, action));
}

/** Draws the council page into `main`. */
export async function councilPage(context: Context, main: HTMLElement): Promise<void> {
  const { api } = context.chain;
  const t = text.council;
  const acting = context.acting;
  const [members, open, best, costs, codes, validatorSet] = await Promise.all([
    api.query.council.members() as unknown as Promise<Json[]>,
    motions(context),
    api.rpc.chain.getHeader().then((header) => header.number.toNumber()),
    api.query.council.costOf.entries() as unknown as Promise<Json[]>,
    api.query.governance.approvedCode.entries() as unknown as Promise<Json[]>,
    api.query.validators.validators() as unknown as Promise<Json[]>,
  ]);
  const validators = validatorSet.map((who) => who.toString() as string);
  const seats = members.length;
  const seatHolders = members.map((who) => who.toString());
  const me = acting ? api.createType('AccountId', acting.address).toString() : null;
  const member = me !== null && seatHolders.includes(me);
  const approved = codes.map(([key]) => key.args[0].toHex() as string);

  const motionViews = await Promise.all(open.map(async (motion) => {
    const { closable, said } = standing(motion, seats, best);
    return h('article', { class: 'motion', id: `motion-${motion.index}`, 'data-motion': motion.index },
      h('h3', {}, t.motion(motion.index)),
      callView(motion.call),
      facts([
        [t.threshold, t.ayesOf(motion.threshold, seats)],
        [t.ayes, motion.ayes.length ? motion.ayes.join(', ') : text.none],
        [t.nays, motion.nays.length ? motion.nays.join(', ') : text.none],
        [t.hash, code(motion.hash)],
      ]),
      h('p', { class: 'standing' }, said),
      await motionActions(context, acting, motion, member, closable));
  }));

  // Deposits of motions already closed, which anyone may release to their proposers.
  const openHashes = new Set(open.map((motion) => motion.hash));
  const releasable = costs
    .map(([key, value]) => ({ hash: key.args[0].toHex() as string, proposer: value.unwrap()[0].toString() as string }))
    .filter(({ hash }) => !openHashes.has(hash));
  const releases = acting
    ? releasable.map(({ hash, proposer }) => actionForm(context, acting, {
      name: `release-${hash.slice(2, 10)}`,
      heading: t.release(proposer),
      about: [h('p', {}, code(hash))],
      button: t.releaseButton,
      build: () => api.tx.council.releaseProposalCost(hash),
    }))
    : [];

  replace(main,
    h('h2', {}, t.heading),
    h('p', {}, t.about),
    h('section', {},
      h('h3', {}, t.seats(seats)),
      table([t.seat], seatHolders.map((who) => [code(who)])),
      h('p', {}, t.rules(threshold(seats, false), threshold(seats, true), seats))),
    h('section', {}, h('h3', {}, t.openMotions), open.length ? motionViews : h('p', {}, t.noMotions)),
    releases.length ? h('section', {}, h('h3', {}, t.deposits), releases) : null,
    h('section', {}, h('h3', {}, t.validators(validators.length)),
      table([t.validatorAccount], validators.map((who) => [code(who)]))),
    h('section', {}, h('h3', {}, t.approvedCode),
      approved.length ? table([t.codeHash], approved.map((hash) => [code(hash)])) : h('p', {}, text.none)),
    acting === null
      ? h('p', {}, t.connect)
      : member
        ? h('section', { class: 'actions' }, h('h3', {}, t.putToVote), proposals(context, acting, seats, approved, validators))
        : h('p', {}, t.notMember));
}
