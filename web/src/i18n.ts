// Chinese and English, switchable, following the browser's language by default.

export type Lang = 'zh' | 'en';

const zh = {
  'app.title': 'Cascade 供应链金融',
  'app.chainTime': '链上时间',
  'app.account': '账户',
  'app.noAccount': '未连接钱包：请在 polkadot.js 扩展中授权本页面',
  'app.devKeys': '开发链测试密钥（仅限开发链）',
  'app.connecting': '正在连接节点…',
  'notes.title': '我的债权凭证',
  'notes.none': '暂无凭证',
  'notes.id': '编号',
  'notes.receivable': '应收账款',
  'notes.amount': '金额',
  'notes.paid': '已兑付',
  'notes.state': '状态',
  'state.active': '持有',
  'state.pending': '待签收',
  'state.pledged': '已质押',
  'state.frozen': '已冻结',
  'state.redeemed': '已兑付',
  'state.consumed': '已拆分',
  'amount.empty': '请输入金额',
  'amount.notNumber': '金额格式不正确',
  'amount.tooManyDecimals': '金额的小数位数超过了该资产允许的位数',
  'amount.zero': '金额必须大于零',
} as const;

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'app.title': 'Cascade supply-chain finance',
  'app.chainTime': 'Chain time',
  'app.account': 'Account',
  'app.noAccount': 'No wallet connected: allow this page in the polkadot.js extension',
  'app.devKeys': 'Dev chain test keys (dev chain only)',
  'app.connecting': 'Connecting to the node…',
  'notes.title': 'My notes',
  'notes.none': 'No notes',
  'notes.id': 'No.',
  'notes.receivable': 'Receivable',
  'notes.amount': 'Amount',
  'notes.paid': 'Paid',
  'notes.state': 'State',
  'state.active': 'held',
  'state.pending': 'offered',
  'state.pledged': 'pledged',
  'state.frozen': 'frozen',
  'state.redeemed': 'paid',
  'state.consumed': 'split',
  'amount.empty': 'Enter an amount',
  'amount.notNumber': 'That is not an amount',
  'amount.tooManyDecimals': 'The amount has more decimals than the asset allows',
  'amount.zero': 'The amount must be above zero',
};

const tables: Record<Lang, Record<Key, string>> = { zh, en };

/** The reader's language: a saved choice, else the browser's (Chinese for any zh-*). */
export function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem('cascade.lang');
  if (saved === 'zh' || saved === 'en') return saved;
  const nav = globalThis.navigator?.language ?? 'en';
  return nav.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function translate(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? `{${k}}`));
}
