// The core enterprise's view: issue a receivable (checked by the runtime's can_issue before signing),
// its receivables a page at a time (cascade_receivablesOf) with repay (whole or part), what it owes
// per week (the maturity ladder, from the indexer), exposure per credit line.
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { useChainPage } from '../../paging';
import { id, ledgerMoved } from '../../changes';
import { LadderSection } from '../../ladder';
import { IssueForm } from './IssueForm';
import { Outstanding, PAGE } from './Outstanding';
import { Lines } from './Lines';

export function CoreView() {
  const { account, t } = useCtx();
  const who = account?.address ?? '';
  const { data: exposure } = useChainQuery((api) => ledger.exposure(api, who), [who], null as ledger.Exposure | null,
    { enabled: !!who, key: who, when: ledgerMoved });
  const receivables = useChainPage<ledger.Receivable>('cascade_receivablesOf', who, PAGE, (r) => [id('receivable', r.id)], !!who);
  if (!who) return null;
  return (
    <div class="view core">
      <IssueForm who={who} lines={exposure?.creditLines ?? []} />
      <Outstanding page={receivables} count={exposure?.receivables ?? null} />
      <LadderSection who={who} title={t('ladder.coreTitle')} pick={(l) => [{ key: 'owes', rungs: l.owes }]} />
      <Lines exposure={exposure} />
    </div>
  );
}
