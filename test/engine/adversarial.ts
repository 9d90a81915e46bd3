/** Inputs that make naive regular expressions and loops slow; shared by the ReDoS test and `npm run bench`. */
export const ADVERSARIAL_SIZE = 100_000;

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export const ADVERSARIAL: Record<string, (size: number) => string> = {
  'runs of spaces': (n) => 'we' + ' '.repeat(n - 4) + 'us',
  'runs of spaces between words': (n) => fill('please      dm ', n),
  'repeated words': (n) => fill('we ', n),
  'repeated phrase starts': (n) => fill('we apologize for any ', n),
  'repeated Dutch phrase starts': (n) => fill('excuses voor het ', n),
  'one long word': (n) => 'a'.repeat(n),
  'one long word after a phrase start': (n) => 'thank you for ' + 'x'.repeat(n - 14),
  'exclamation marks': (n) => '!'.repeat(n),
  'hashtags': (n) => fill('#a ', n),
  'emoji': (n) => fill('🎉', n),
  'newlines': (n) => '\n'.repeat(n),
  'dashes and carets': (n) => fill('- ^', n),
  'digits': (n) => fill('1:', n),
  'apostrophes': (n) => fill("we're'", n),
  'url': (n) => 'https://' + 'a'.repeat(n - 8),
};
