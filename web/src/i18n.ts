// Chinese and English, switchable, following the browser's language by default. The words are in
// one file per language: i18n/zh.ts and i18n/en.ts.
import { zh, type Key } from './i18n/zh';
import { en } from './i18n/en';

export type { Key };
export type Lang = 'zh' | 'en';

const tables: Record<Lang, Record<Key, string>> = { zh, en };

/** Whether `key` has words (error explanations exist only for the errors a person meets). */
export function hasKey(key: string): key is Key {
  return key in zh;
}

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
