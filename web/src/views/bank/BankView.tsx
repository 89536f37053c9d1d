// The bank's view: my programs, requests waiting for me (with the price), my financings with the
// actions the rules allow, what falls due per core and week (from the indexer), and my exposure
// per core enterprise.
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { Programs } from './Programs';
import { OpenProgram } from './OpenProgram';
import { Requests } from './Requests';
import { Financings, FINANCINGS_PAGE } from './Financings';
import { useChainPage } from '../../paging';
import { financingIds, id, names, touches } from '../../changes';
import { LadderSection } from '../../ladder';
import { BankExposure } from './BankExposure';

export function BankView() {
  const { account, t, nameOf } = useCtx();
  const who = account?.address ?? '';
  // My programs and the requests I must answer (few: read whole, a page at a time), my financings
  // a page at a time (at most one request a block however many there are): never the whole maps;
  // each read again only at a block that concerns it. A program's outstanding falls when one of
  // its financings is redeemed (an event that names the financing only): any financing event.
  const { data: programs } = useChainQuery((api) => ledger.programsOf(api, who), [who], [] as ledger.Program[],
    { enabled: !!who, key: who, when: (c) => c.sections.has('financing') || names(c, who) });
  const { data: requests } = useChainQuery(
    async (api) => (await ledger.requestsOf(api, who)).filter((r) => r.financier === who), [who], [] as ledger.Request[],
    { enabled: !!who, key: who, when: (c, last) => touches(c, who, last.map((r) => id('request', r.id))) });
  const financings = useChainPage<ledger.Financing>('cascade_financingsOf', who, FINANCINGS_PAGE,
    financingIds, !!who);
  if (!who) return null;
  return (
    <div class="view bank">
      <Programs programs={programs} />
      <OpenProgram />
      <Requests requests={requests} />
      <Financings page={financings} who={who} />
      <LadderSection who={who} title={t('ladder.bankTitle')}
        pick={(l) => l.exposure.map((e) => ({ key: `core-${e.core}`, heading: nameOf(e.core), rungs: e }))} />
      <BankExposure who={who} />
    </div>
  );
}
