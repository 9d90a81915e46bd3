/** A team rule that passes every check: the starting point the guide tests change one field of. */
export const RULE = {
  id: 'scripted.acme-valued',
  lang: 'en',
  category: 'scripted',
  severity: 'warning',
  patterns: ['valued (customer|member)'],
  message: 'Nobody calls a friend a valued member.',
  why: 'It reads like a mailing list.',
  suggestions: ['customer'],
};
