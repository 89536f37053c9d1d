// What a form checks before anything is signed: the reader's typing (amounts, names, dates),
// refused with a reason the reader can act on. The chain still decides; these checks only keep a
// person from signing what the chain would certainly refuse.
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import type { Key } from './i18n';
import type { Enterprise } from './ledger';
import { parseAmount } from './units';

export type Check<T> = { ok: T } | { refuse: Key; params?: Record<string, string | number> };

/** An amount typed for a note: positive, no more decimals than the asset, within `max`. */
export function checkAmount(text: string, decimals: number, max?: bigint, maxKey: Key = 'amount.aboveNote'): Check<bigint> {
  const parsed = parseAmount(text, decimals);
  if ('error' in parsed) return { refuse: parsed.error, params: { decimals } };
  if (max !== undefined && parsed.value > max) return { refuse: maxKey };
  return { ok: parsed.value };
}

/**
 * A payee typed as an enterprise's name or an address: a registered, active enterprise other than
 * me, in one of `roles` (a note's holder is a supplier or a financier; a receivable's is a supplier).
 */
export function checkRecipient(
  text: string,
  enterprises: Map<string, Enterprise>,
  me: string,
  roles: ('supplier' | 'financier')[] = ['supplier', 'financier'],
): Check<string> {
  const typed = text.trim();
  if (typed === '') return { refuse: 'recipient.empty' };
  let address: string | null = null;
  try {
    address = encodeAddress(decodeAddress(typed));
  } catch {
    const wanted = typed.toLowerCase();
    const byName = [...enterprises.values()].filter((e) => e.name.toLowerCase() === wanted);
    if (byName.length === 1) address = byName[0].address;
  }
  const enterprise = address ? enterprises.get(address) : undefined;
  if (!address || !enterprise) return { refuse: 'recipient.unknown', params: { name: typed } };
  if (address === me) return { refuse: 'recipient.self' };
  if (enterprise.status !== 'Active') return { refuse: 'recipient.suspended', params: { name: enterprise.name } };
  if (!roles.some((r) => enterprise.roles[r])) return { refuse: 'recipient.notEligible', params: { name: enterprise.name } };
  return { ok: address };
}

/** A maturity typed in the reader's time zone (`datetime-local`), after the chain's now and within the tenor. */
export function checkMaturity(text: string, chainNow: number, maxTenor: number): Check<number> {
  if (!text) return { refuse: 'maturity.empty' };
  const ms = new Date(text).getTime();
  if (Number.isNaN(ms)) return { refuse: 'maturity.empty' };
  if (ms <= chainNow) return { refuse: 'maturity.past' };
  if (ms > chainNow + maxTenor) return { refuse: 'maturity.tooFar', params: { days: Math.floor(maxTenor / 86_400_000) } };
  return { ok: ms };
}

/** A rate typed as a percentage a year (`3.65`) as parts per million (36,500). */
export function checkRate(text: string): Check<number> {
  const m = /^\s*(\d{1,3})(?:\.(\d{0,4}))?\s*%?\s*$/.exec(text);
  if (!m) return { refuse: 'rate.invalid' };
  const ppm = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  if (ppm <= 0 || ppm > 1_000_000) return { refuse: 'rate.invalid' };
  return { ok: ppm };
}

/** A date and time typed in the reader's time zone as chain milliseconds. */
export function localInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
