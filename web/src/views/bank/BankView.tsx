// The bank's view: my programs, requests waiting for me (with the price), my financings with the
// actions the rules allow, and my exposure per core enterprise.
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { Programs } from './Programs';
import { OpenProgram } from './OpenProgram';
import { Requests } from './Requests';
import { Financings } from './Financings';
import { BankExposure } from './BankExposure';

export function BankView() {
  const { account } = useCtx();
  const who = account?.address ?? '';
  // My programs, the requests I must answer, my financings (newest first): paged lists of mine,
  // never the whole maps.
  const { data: programs } = useChainQuery((api) => ledger.programsOf(api, who), [who], [] as ledger.Program[], { enabled: !!who, key: who });
  const { data: requests } = useChainQuery(
    async (api) => (await ledger.requestsOf(api, who)).filter((r) => r.financier === who), [who], [] as ledger.Request[], { enabled: !!who, key: who });
  const { data: financings } = useChainQuery(
    async (api) => (await ledger.financingsOf(api, who)).filter((f) => f.financier === who).sort((a, b) => b.id - a.id),
    [who], [] as ledger.Financing[], { enabled: !!who, key: who });
  if (!who) return null;
  return (
    <div class="view bank">
      <Programs programs={programs} />
      <OpenProgram />
      <Requests requests={requests} />
      <Financings financings={financings} />
      <BankExposure who={who} />
    </div>
  );
}
