// One note: its facts, pay part of it on, finance it, ask a bank, and its lineage drawn.
import { useCtx } from '../../context';
import { LineageTree } from '../../components';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { id, touches } from '../../changes';
import type { Key } from '../../i18n';
import { PayForm } from './PayForm';
import { FinanceOffers } from './FinanceOffers';
import { RequestForm } from './RequestForm';

/** One note: details, pay part of it to my supplier, finance it, request financing, lineage. */
export function NotePanel({ note, who }: { note: ledger.Note; who: string }) {
  const { t, money, date, nameOf } = useCtx();
  // The receivable and its tree, read again at a block that names the receivable or one of its notes.
  const { data: tree } = useChainQuery(async (api) => (await ledger.tree(api, note.receivable)) ?? [], [note.receivable], [] as ledger.Note[],
    { key: note.receivable, when: (c, last) => touches(c, null, [id('receivable', note.receivable), id('note', note.id), ...last.map((n) => id('note', n.id))]) });
  const { data: rec } = useChainQuery((api) => ledger.receivable(api, note.receivable), [note.receivable], null as ledger.Receivable | null,
    { key: note.receivable, when: (c) => touches(c, null, [id('receivable', note.receivable), id('note', note.id), ...tree.map((n) => id('note', n.id))]) });
  const movable = note.state === 'active' && note.holder === who;
  return (
    <section class="panel" data-testid="note-panel">
      <h2>{t('note.title', { id: note.id })}</h2>
      {rec && (
        <dl class="facts">
          <dt>{t('note.obligor')}</dt><dd>{nameOf(rec.issuer)}</dd>
          <dt>{t('note.amount')}</dt><dd data-testid="note-amount">{money(note.amount)}</dd>
          <dt>{t('note.paid')}</dt><dd>{money(note.paid)}</dd>
          <dt>{t('note.maturity')}</dt><dd>{date(rec.maturity)}</dd>
          <dt>{t('note.receivableStatus')}</dt><dd>{t(`rstatus.${rec.status}` as Key)}</dd>
        </dl>
      )}
      {movable && <PayForm note={note} who={who} />}
      {movable && rec && <FinanceOffers note={note} rec={rec} />}
      {movable && <RequestForm note={note} />}
      <h3>{t('tree.title')}</h3>
      {tree.length > 0 ? <div class="tree-wrap"><LineageTree notes={tree} focus={note.id} /></div> : <p>{t('tree.tooBig')}</p>}
    </section>
  );
}
