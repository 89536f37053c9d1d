// Amounts: integers in the asset's minor unit on chain, decimal text with thousands separators
// on the page. No floating point anywhere: a price or a balance is never rounded by JavaScript.

/** Why a typed amount was refused (an i18n key). */
export type AmountError = 'amount.empty' | 'amount.notNumber' | 'amount.tooManyDecimals' | 'amount.zero';

/** `value` minor units as text in the asset's unit: `1234567` with 2 decimals → `12,345.67`. */
export function formatAmount(value: bigint, decimals: number, locale = 'en-US'): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const whole = (abs / scale).toLocaleString(locale);
  const frac = decimals > 0 ? '.' + (abs % scale).toString().padStart(decimals, '0') : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/**
 * Text typed by a person (`12,345.67`, `12345.6`, `100`) as minor units, or why it is refused:
 * more decimals than the asset has is an error, never rounded; zero is refused.
 */
export function parseAmount(text: string, decimals: number): { value: bigint } | { error: AmountError } {
  const t = text.trim().replace(/[,\s_]/g, '');
  if (t === '') return { error: 'amount.empty' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m) return { error: 'amount.notNumber' };
  const frac = m[2] ?? '';
  if (frac.length > decimals) return { error: 'amount.tooManyDecimals' };
  const value = BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, '0') || '0');
  if (value === 0n) return { error: 'amount.zero' };
  return { value };
}
