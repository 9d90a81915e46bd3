/** Word classes of a language pack, as bits (kept apart from packs.ts so that the rule build can import the checks). */
export const W = { firstPerson: 1, orgVoice: 2, formal: 4, informal: 8, stopword: 16, greeting: 32, negator: 64, department: 128, service: 256, cause: 512, channel: 1024, request: 2048, elsewhere: 4096, thanks: 8192, identifier: 16384 } as const;
