// Shared pieces of the views: a button that checks, signs and follows a transaction;
// the lineage tree drawn as a picture.
import { useState } from 'preact/hooks';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { signAndFollow, type TxError, type TxProgress } from './chain';
import { useCtx } from './context';
import type { Key } from './i18n';
import { hasKey } from './i18n';
import type { Note } from './ledger';

/** What a form's check returns: the transaction to sign, or why nothing will be signed. */
export type Checked =
  | { tx: SubmittableExtrinsic<'promise'> }
  | { refuse: Key; params?: Record<string, string | number> }
  /** The runtime said the call would fail (a dry check such as can_issue): its error, explained. */
  | { chain: TxError };

/** What a finished transaction means, as words to translate: `finance.received` and the amount. */
export interface Outcome {
  key: Key;
  params?: Record<string, string | number>;
}

/** One transaction the reader started, as the activity list shows it (in the current language). */
export interface Activity {
  key: number;
  /** The signing account: each account sees its own transactions. */
  signer: string;
  label: Key;
  testId?: string;
  progress: TxProgress;
  /** What came of it (`Received 39,996.00 CNY`), once it is final. */
  outcome?: Outcome | null;
}

/**
 * A button that runs `check` first (nothing is signed when it refuses, and the reason is shown),
 * then signs and follows the transaction: signed, in block, finalized, or the failure in words —
 * beside the button, and in the page's activity list, which outlives the view the button was in
 * (a note paid away or sold leaves the list it was clicked in).
 */
export function TxButton(props: {
  label: Key;
  check: () => Checked | Promise<Checked>;
  /** What the finished transaction means to the reader, from its events. */
  outcome?: (p: TxProgress) => Outcome | null;
  testId?: string;
  kind?: 'primary' | 'plain';
}) {
  const { api, account, t, report } = useCtx();
  const [progress, setProgress] = useState<TxProgress | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const busy = progress !== null && (progress.stage === 'signing' || progress.stage === 'sent');
  const click = async () => {
    setAttempt((n) => n + 1);
    setRefusal(null);
    setProgress(null);
    if (!account) { setRefusal(t('tx.noAccount')); return; }
    let checked: Checked;
    try {
      checked = await props.check();
    } catch (e: unknown) {
      setRefusal(String((e as Error)?.message ?? e));
      return;
    }
    if ('refuse' in checked) { setRefusal(t(checked.refuse, checked.params)); return; }
    if ('chain' in checked) { setRefusal(`${errorWords(t, checked.chain)}${checked.chain.name ? ` (${checked.chain.name})` : ''}`); return; }
    const key = Date.now() + Math.random();
    const base = { key, signer: account.address, label: props.label, testId: props.testId };
    const last = await signAndFollow(api, checked.tx, account, (p) => {
      setProgress(p);
      report({ ...base, progress: p });
    });
    const outcome = last.stage === 'failed' ? null : props.outcome?.(last) ?? null;
    report({ ...base, progress: last, outcome });
  };
  return (
    <span class="tx">
      <button class={props.kind ?? 'primary'} disabled={busy} onClick={click} data-testid={props.testId}>{t(props.label)}</button>
      {refusal && <span class="refusal" role="alert" data-testid={props.testId && `${props.testId}-refusal`} data-attempt={attempt}>{refusal}</span>}
      {progress && <TxStatus p={progress} testId={props.testId && `${props.testId}-status`} />}
    </span>
  );
}

/** The transactions of this visit, newest first: stage, failure explained, outcome. */
export function ActivityList({ items }: { items: Activity[] }) {
  const { t, account } = useCtx();
  const mine = items.filter((a) => a.signer === account?.address);
  if (mine.length === 0) return null;
  return (
    <aside class="activity" data-testid="activity" aria-live="polite">
      <h2>{t('activity.title')}</h2>
      <ul>{mine.map((a) => (
        <li key={a.key} data-for={a.testId} data-stage={a.progress.stage}>
          <strong>{t(a.label)}</strong> <TxStatus p={a.progress} />
          {a.outcome && <span class="outcome ok"> — {t(a.outcome.key, a.outcome.params)}</span>}
        </li>
      ))}</ul>
    </aside>
  );
}

/** A transaction's stage, and a failure explained: the pallet error in the reader's language. */
export function TxStatus({ p, testId }: { p: TxProgress; testId?: string }) {
  const { t } = useCtx();
  const stage = t(`tx.${p.stage}` as Key);
  return (
    <span class={`status ${p.stage}`} data-testid={testId} data-stage={p.stage}>
      {stage}
      {p.error && <> — <ErrorText error={p.error} /></>}
    </span>
  );
}

/** Our words for a chain error where we have them, else the chain's doc comment. */
function errorWords(t: (k: Key) => string, error: TxError): string {
  const key = `err.${error.name}`;
  return error.name && hasKey(key) ? t(key as Key) : error.detail;
}

/** `receivables.AmountTooLarge` explained: our words where we have them, else the chain's doc. */
export function ErrorText({ error }: { error: TxError }) {
  const { t } = useCtx();
  return <span class="error-text">{errorWords(t, error)}{error.name && <code> ({error.name})</code>}</span>;
}

const BOX_W = 216;
const BOX_H = 58;
/** A name cut to fit its box (the full name is the box's tooltip). */
const short = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);
const GAP_X = 16;
const GAP_Y = 34;

/**
 * A receivable's notes as a tree, root at the top: each box a note with its holder's name,
 * amount and state; the path of `focus` to the root highlighted. Consumed notes stay (the audit
 * trail).
 */
export function LineageTree({ notes, focus }: { notes: Note[]; focus?: number }) {
  const { t, money, nameOf } = useCtx();
  const byId = new Map(notes.map((n) => [n.id, n]));
  const children = new Map<number, Note[]>();
  for (const n of notes) {
    if (n.parent !== null) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  }
  const path = new Set<number>();
  for (let id: number | null | undefined = focus; id !== null && id !== undefined; id = byId.get(id)?.parent) path.add(id);
  // Leaves take one column each; a parent sits above the middle of its children.
  const x = new Map<number, number>();
  let column = 0;
  const place = (n: Note): number => {
    const kids = children.get(n.id) ?? [];
    const pos = kids.length === 0 ? column++ : (() => {
      const xs = kids.map(place);
      return (xs[0] + xs[xs.length - 1]) / 2;
    })();
    x.set(n.id, pos);
    return pos;
  };
  const roots = notes.filter((n) => n.parent === null);
  roots.forEach(place);
  const depth = Math.max(0, ...notes.map((n) => n.depth));
  const width = Math.max(1, column) * (BOX_W + GAP_X);
  const height = (depth + 1) * (BOX_H + GAP_Y);
  const left = (n: Note) => (x.get(n.id) ?? 0) * (BOX_W + GAP_X) + GAP_X / 2;
  const top = (n: Note) => n.depth * (BOX_H + GAP_Y) + 4;
  return (
    <svg class="tree" width={width} height={height + 8} viewBox={`0 0 ${width} ${height + 8}`} data-testid="lineage-tree" role="img" aria-label={t('tree.title')}>
      {notes.filter((n) => n.parent !== null && byId.has(n.parent)).map((n) => {
        const p = byId.get(n.parent!)!;
        return <line key={`l${n.id}`} x1={left(p) + BOX_W / 2} y1={top(p) + BOX_H} x2={left(n) + BOX_W / 2} y2={top(n)} class={path.has(n.id) ? 'edge on-path' : 'edge'} />;
      })}
      {notes.map((n) => (
        <g key={n.id} transform={`translate(${left(n)},${top(n)})`} class={`node ${n.state}${path.has(n.id) ? ' on-path' : ''}${n.id === focus ? ' focus' : ''}`} data-note={n.id}>
          <rect width={BOX_W} height={BOX_H} rx="6" />
          <text x="8" y="17" class="name">#{n.id} {short(nameOf(n.holder))}<title>{nameOf(n.holder)}</title></text>
          <text x="8" y="34">{money(n.amount)}</text>
          <text x="8" y="50" class="state">{t(`state.${n.state}` as Key)}{n.state === 'pending' && n.pendingTo ? ` → ${nameOf(n.pendingTo)}` : ''}</text>
        </g>
      ))}
    </svg>
  );
}
