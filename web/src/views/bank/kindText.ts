// How a financing kind reads to the bank.
import * as ledger from '../../ledger';
import type { Key } from '../../i18n';

export function kindText(t: (k: Key) => string, kind: ledger.FinancingKind): string {
  if (kind === 'pledge') return t('kind.pledge');
  return t(kind.factoring.recourse ? 'kind.recourse' : 'kind.factoring');
}
