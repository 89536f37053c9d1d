// The core enterprise's view: issue a receivable (checked by the runtime's can_issue before signing),
// outstanding receivables by maturity with repay (whole or part), exposure per credit line.
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { IssueForm } from './IssueForm';
import { Outstanding } from './Outstanding';
import { Lines } from './Lines';

export function CoreView() {
  const { account } = useCtx();
  const who = account?.address ?? '';
  const { data: exposure } = useChainQuery((api) => ledger.exposure(api, who), [who], null as ledger.Exposure | null, { enabled: !!who, key: who });
  const { data: receivables } = useChainQuery((api) => ledger.receivablesOf(api, who), [who], [] as ledger.Receivable[], { enabled: !!who, key: who });
  if (!who) return null;
  return (
    <div class="view core">
      <IssueForm who={who} lines={exposure?.creditLines ?? []} />
      <Outstanding receivables={receivables} />
      <Lines exposure={exposure} />
    </div>
  );
}
