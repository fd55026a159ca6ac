// How the portal writes what the node answers: amounts exact (the node
// sends decimal strings; they are never turned into floating point),
// blocks with their time, enum names in words.

/** `{ block, time }` as the `civitas_*` methods write a block. */
export interface BlockTime {
  block: number;
  time: string | null;
}

/** An exact amount: "469460.000000000000" → "469,460 CIV". */
export function amount(decimal: string, symbol: string): string {
  const [whole, fraction = ''] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const kept = fraction.replace(/0+$/, '');
  return `${grouped}${kept ? `.${kept}` : ''} ${symbol}`;
}

/** A share: "0.05" → "5 %". Exact: the node's shares have at most 9 decimals. */
export function share(decimal: string): string {
  const [whole, fraction = ''] = decimal.split('.');
  const padded = `${fraction}00`;
  const percent = `${Number(whole) * 100 + Number(padded.slice(0, 2))}`;
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${percent}${rest ? `.${rest}` : ''} %`;
}

/** A block with its time: "#14, 2026-12-03 13:18:18 UTC". */
export function block(at: BlockTime | null | undefined): string {
  if (!at) return '';
  return at.time ? `#${at.block}, ${date(at.time)}` : `#${at.block}`;
}

/** An ISO 8601 time, to the second, in UTC. */
export function date(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** An enum name as words: "partiallyMet" → "partially met". */
export function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}
