// A transaction's progress on the page: the fee, then each step to
// finality, or the failure in a sentence.

import { h, replace } from '../dom';
import { text } from '../text';
import type { Progress } from './submit';

/** An element that shows `Progress` reports, and the function that reports to it. */
export function progressView(): { element: HTMLElement; report: (progress: Progress) => void } {
  const fee = h('p', { class: 'fee' });
  const step = h('p', { class: 'step', role: 'status', 'aria-live': 'polite' });
  const element = h('div', { class: 'progress' }, fee, step);
  const report = (progress: Progress) => {
    switch (progress.state) {
      case 'preparing': replace(fee); step.className = 'step'; replace(step, text.wallet.preparing); break;
      case 'fee': replace(fee, text.wallet.fee(progress.fee)); break;
      case 'signing': step.className = 'step'; replace(step, text.wallet.signing); break;
      case 'submitted': replace(step, text.wallet.submitted); break;
      case 'inBlock': replace(step, text.wallet.inBlock(progress.block)); break;
      case 'finalised': step.className = 'step match'; replace(step, text.wallet.finalised(progress.block)); break;
      case 'failed': step.className = 'step mismatch'; replace(step, text.wallet.failed(progress.reason)); break;
    }
  };
  return { element, report };
}
