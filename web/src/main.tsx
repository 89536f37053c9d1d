import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiPromise } from '@polkadot/api';
import { connect, extensionAccounts, type Account } from './chain';
import { initialLang, translate, type Key, type Lang } from './i18n';
import { formatAmount } from './units';

interface NoteJson {
  id: number;
  receivable: number;
  amount: string;
  paid: string;
  state: string;
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang());
  const t = (key: Key, params?: Record<string, string | number>) => translate(lang, key, params);
  const [api, setApi] = useState<ApiPromise | null>(null);
  const [now, setNow] = useState<number | null>(null);
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [who, setWho] = useState<string>('');
  const [notes, setNotes] = useState<NoteJson[]>([]);
  // The settlement asset's unit: symbol and decimals from the chain's asset metadata.
  const [unit, setUnit] = useState({ symbol: '', decimals: 0 });

  useEffect(() => {
    connect().then(setApi);
    extensionAccounts().then((a) => {
      setAccounts(a);
      if (a.length) setWho(a[0].address);
    });
  }, []);
  useEffect(() => {
    localStorage.setItem('cascade.lang', lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    if (!api) return;
    let stop: (() => void) | null = null;
    let live = true;
    api.rpc.chain.subscribeNewHeads(async () => {
      const n = await api.query.timestamp.now();
      if (live) setNow(Number(n.toString()));
    }).then((u) => { stop = u; });
    return () => { live = false; stop?.(); };
  }, [api]);
  useEffect(() => {
    if (!api) return;
    api.query.assets.metadata(1).then((m: any) => setUnit({
      symbol: m.symbol.toUtf8(),
      decimals: m.decimals.toNumber(),
    }));
  }, [api]);
  useEffect(() => {
    if (!api || !who) return;
    let live = true;
    const load = async () => {
      const list = (await (api.rpc as any).cascade.notesOf(who)).toJSON() as NoteJson[];
      if (live) setNotes(list);
    };
    const unsub = api.rpc.chain.subscribeNewHeads(() => { load(); });
    return () => { live = false; unsub.then((u) => u()); };
  }, [api, who]);

  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  return (
    <main>
      <header>
        <h1>{t('app.title')}</h1>
        <button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{lang === 'zh' ? 'English' : '中文'}</button>
        <span>{t('app.chainTime')}: {now ? new Date(now).toLocaleString(locale) : t('app.connecting')}</span>
        {accounts.length ? (
          <select value={who} onChange={(e) => setWho((e.target as HTMLSelectElement).value)}>
            {accounts.map((a) => <option value={a.address}>{a.name}</option>)}
          </select>
        ) : <span>{t('app.noAccount')}</span>}
      </header>
      <section>
        <h2>{t('notes.title')}</h2>
        {notes.length === 0 ? <p>{t('notes.none')}</p> : (
          <table>
            <thead><tr><th>{t('notes.id')}</th><th>{t('notes.receivable')}</th><th>{t('notes.amount')}</th><th>{t('notes.paid')}</th><th>{t('notes.state')}</th></tr></thead>
            <tbody>
              {notes.map((n) => (
                <tr key={n.id}>
                  <td>{n.id}</td><td>{n.receivable}</td>
                  <td>{formatAmount(BigInt(n.amount), unit.decimals, locale)} {unit.symbol}</td>
                  <td>{formatAmount(BigInt(n.paid), unit.decimals, locale)} {unit.symbol}</td>
                  <td>{t(`state.${n.state}` as Key)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
