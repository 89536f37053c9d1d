// The portal's shell: connect, choose who signs, follow the chain's blocks and clock, switch
// language, and show the view of the chosen role.
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiPromise } from '@polkadot/api';
import { connect, devAccounts, extensionAccounts, isDevChain, nodeUrl, type Account } from './chain';
import { BUILT_FOR, networkVerdict } from './networks.js';
import { CtxContext, type Ctx } from './context';
import { ActivityList, type Activity } from './components';
import { initialLang, translate, type Key, type Lang } from './i18n';
import * as ledger from './ledger';
import { indexerUrl } from './history';
import { changesAt, everything, type BlockChanges } from './changes';
import { SupplierView } from './views/supplier/SupplierView';
import { BankView } from './views/bank/BankView';
import { CoreView } from './views/core/CoreView';
import { OperatorView } from './views/operator/OperatorView';
import './style.css';

/** The settlement asset the demo world and the dev chain use. */
const SETTLEMENT_ASSET = 1;
/** The indexer the page was given (`?indexer=`), if any. */
const INDEXER = indexerUrl();

type Role = 'supplier' | 'bank' | 'core' | 'operator';
const ROLES: Role[] = ['supplier', 'bank', 'core', 'operator'];

/** The view an enterprise most likely wants first. */
function defaultRole(e: ledger.Enterprise | undefined): Role {
  if (!e) return 'supplier';
  if (e.roles.core) return 'core';
  if (e.roles.financier) return 'bank';
  return 'supplier';
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang());
  const t = (key: Key, params?: Record<string, string | number>) => translate(lang, key, params);
  const [api, setApi] = useState<ApiPromise | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [head, setHead] = useState<{ block: number; now: number; changes: BlockChanges }>({ block: 0, now: 0, changes: everything(0) });
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [who, setWho] = useState<string>(localStorage.getItem('cascade.account') ?? '');
  const [enterprises, setEnterprises] = useState<Map<string, ledger.Enterprise>>(new Map());
  // No view before the enterprises are known: the view shown first is the account's role's (a
  // core's page must not start as a supplier's and read all the notes its issues hold).
  const [enterprisesLoaded, setEnterprisesLoaded] = useState(false);
  const [unit, setUnit] = useState({ symbol: '', decimals: 0 });
  const [role, setRole] = useState<Role | null>(null);
  const [activity, setActivity] = useState<Activity[]>([]);
  const report = useCallback((a: Activity) => {
    setActivity((list) => [a, ...list.filter((x) => x.key !== a.key)].slice(0, 8));
  }, []);

  useEffect(() => {
    (async () => {
      const url = nodeUrl();
      const api = await connect(url);
      // Only a chain this page was built for (or a dev chain on this machine): never sign
      // on a chain a link pointed at.
      const development = (await api.rpc.system.chainType()).isDevelopment;
      const genesis = api.genesisHash.toHex();
      const verdict = networkVerdict({ url, genesis, development, allowed: BUILT_FOR });
      if (!verdict.ok) {
        await api.disconnect();
        setFailure(translate(initialLang(), `net.${verdict.reason}`, { genesis }));
        return;
      }
      setApi(api);
    })().catch((e) => setFailure(String(e?.message ?? e)));
  }, []);
  useEffect(() => {
    localStorage.setItem('cascade.lang', lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.title');
  }, [lang]);
  // Accounts: the extension's, and on a dev chain only, the dev keys.
  useEffect(() => {
    if (!api) return;
    (async () => {
      const fromExtension = await extensionAccounts().catch(() => []);
      const dev = (await isDevChain(api)) ? await devAccounts() : [];
      // A key the wallet holds is signed for by the wallet, never by the page.
      const all = [...fromExtension, ...dev.filter((d) => !fromExtension.some((e) => e.address === d.address))];
      setAccounts(all);
      setWho((current) => (all.some((a) => a.address === current) ? current : all[0]?.address ?? ''));
    })();
  }, [api]);
  // Live: every new block brings the chain's clock and what it changed (its events), and lets
  // the views reload what it concerns. Heads are taken in the order they arrive, one at a time; a
  // head that is not the one after the last (a gap, a re-organisation) reloads everything.
  useEffect(() => {
    if (!api) return;
    let open = true;
    let last = -1;
    let queue: Promise<void> = Promise.resolve();
    const unsub = api.rpc.chain.subscribeNewHeads((header) => {
      const number = header.number.toNumber();
      const hash = header.hash.toHex();
      const gap = number !== last + 1;
      last = number;
      queue = queue.then(async () => {
        const [now, changes] = await Promise.all([ledger.chainTime(api), changesAt(api, hash, number, gap)]);
        if (open) setHead({ block: number, now, changes });
      }).catch((e) => console.error('head', number, 'not followed:', e));
    });
    return () => { open = false; unsub.then((u) => u()); };
  }, [api]);
  useEffect(() => {
    if (!api) return;
    ledger.assetUnit(api, SETTLEMENT_ASSET).then(setUnit);
  }, [api]);
  // Enterprises' names and roles: read again when a block has an event of theirs (or the page
  // must read everything).
  const [namesEpoch, setNamesEpoch] = useState(0);
  if (head.changes.all || head.changes.sections.has('enterprises')) {
    if (namesEpoch !== head.block) setNamesEpoch(head.block);
  }
  useEffect(() => {
    if (!api) return;
    ledger.enterprises(api).then((list) => {
      setEnterprises(new Map(list.map((e) => [e.address, e])));
      setEnterprisesLoaded(true);
    });
  }, [api, namesEpoch]);
  useEffect(() => {
    if (who) localStorage.setItem('cascade.account', who);
  }, [who]);
  const choose = (address: string) => {
    setWho(address);
    setRole(null);
  };

  const account = accounts.find((a) => a.address === who) ?? null;
  const shownRole = role ?? defaultRole(account ? enterprises.get(account.address) : undefined);
  const ctx: Ctx | null = useMemo(() => api && head.now && enterprisesLoaded ? {
    api, lang, account, asset: SETTLEMENT_ASSET, unit, now: head.now, block: head.block, changes: head.changes, enterprises, report, indexer: INDEXER,
  } : null, [api, lang, account, unit, head, enterprises, enterprisesLoaded, report]);
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const me = account ? enterprises.get(account.address) : undefined;

  return (
    <main>
      <header>
        <h1>{t('app.title')}</h1>
        <span class="clock" data-testid="chain-time">
          {t('app.chainTime')}: {head.now ? new Date(head.now).toLocaleString(locale) : t('app.connecting')}
          {head.block > 0 && <> · #{head.block}</>}
        </span>
        <label class="account">{t('app.account')}
          {accounts.length ? (
            <select value={who} onChange={(e) => choose(e.currentTarget.value)} data-testid="account">
              {['extension', 'dev'].map((source) => {
                const group = accounts.filter((a) => a.source === source);
                if (group.length === 0) return null;
                return (
                  <optgroup label={source === 'dev' ? t('app.devKeys') : t('app.extension')}>
                    {group.map((a) => <option value={a.address}>{a.name}{enterprises.get(a.address) ? ` · ${enterprises.get(a.address)!.name}` : ''}</option>)}
                  </optgroup>
                );
              })}
            </select>
          ) : <span class="hint">{t('app.noAccount')}</span>}
        </label>
        <button class="plain lang" data-testid="lang" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{lang === 'zh' ? 'English' : '中文'}</button>
      </header>
      {account?.source === 'dev' && <p class="dev-warning" data-testid="dev-warning">{t('app.devWarning')}</p>}
      {failure && <p class="refusal">{t('app.failed', { url: nodeUrl(), reason: failure })}</p>}
      {me && <p class="who" data-testid="who">{me.name}{me.status !== 'Active' && ` · ${t('operator.suspended')}`}</p>}
      <nav>
        {ROLES.map((r) => (
          <button class={r === shownRole ? 'tab on' : 'tab'} data-testid={`tab-${r}`} onClick={() => setRole(r)}>{t(`tab.${r}` as Key)}</button>
        ))}
      </nav>
      {ctx ? (
        <CtxContext.Provider value={ctx}>
          <ActivityList items={activity} />
          {shownRole === 'supplier' && <SupplierView />}
          {shownRole === 'bank' && <BankView />}
          {shownRole === 'core' && <CoreView />}
          {shownRole === 'operator' && <OperatorView />}
        </CtxContext.Provider>
      ) : !failure && <p>{t('app.connecting')}</p>}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
