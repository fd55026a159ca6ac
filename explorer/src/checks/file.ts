// Checking a document against the SHA-256 the chain records for it. The
// file is read and hashed in the browser; it is never sent anywhere.

import { u8aToHex } from '@polkadot/util';
import { sha256AsU8a } from '@polkadot/util-crypto';

import { h, replace } from '../dom';
import { text } from '../text';

/** The SHA-256 of `file`, as 0x-hex. */
export async function sha256Of(file: File): Promise<string> {
  return u8aToHex(sha256AsU8a(new Uint8Array(await file.arrayBuffer())));
}

/** A drop zone (and file chooser) that says whether a file hashes to `expected`. */
export function fileCheck(expected: string): HTMLElement {
  const result = h('p', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const check = async (file: File | undefined) => {
    if (!file) return;
    const sha = await sha256Of(file);
    const matches = sha === expected.toLowerCase();
    result.className = `result ${matches ? 'match' : 'mismatch'}`;
    replace(result, matches ? text.fileCheck.match(file.name) : text.fileCheck.mismatch(file.name, sha));
  };
  const input = h('input', {
    type: 'file',
    class: 'file-input',
    'aria-label': text.fileCheck.choose,
    onchange: (event: Event) => void check((event.target as HTMLInputElement).files?.[0]),
  });
  const zone = h('div', {
    class: 'drop',
    ondragover: (event: Event) => { event.preventDefault(); zone.classList.add('over'); },
    ondragleave: () => zone.classList.remove('over'),
    ondrop: (event: Event) => {
      event.preventDefault();
      zone.classList.remove('over');
      void check((event as DragEvent).dataTransfer?.files[0]);
    },
  }, h('span', {}, text.fileCheck.prompt), ' ', input);
  return h('div', { class: 'file-check' }, zone, result);
}
