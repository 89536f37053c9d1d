// Checks on what identifies an enterprise, shared by every caller that registers one.

/** The GB 32100-2015 check character of a 17-character 统一社会信用代码 body. */
export function checkChar(body: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body[i]) * weights[i];
  return alphabet[(31 - (sum % 31)) % 31];
}
