/**
 * Share links: the case (a reply and its message, or a comparison) lives in the URL fragment, which
 * browsers never send to a server. The JSON is deflated and base64url-encoded.
 */
import * as v from 'valibot';

const Text = v.pipe(v.string(), v.maxLength(20_000));
const Case = v.strictObject({ kind: v.literal('case'), reply: Text, context: v.optional(Text), author: v.optional(v.pipe(v.string(), v.maxLength(200))) });
const Comparison = v.strictObject({ kind: v.literal('compare'), before: Text, after: Text, context: v.optional(Text), author: v.optional(v.pipe(v.string(), v.maxLength(200))) });
export const Shared = v.variant('kind', [Case, Comparison]);
export type Shared = v.InferOutput<typeof Shared>;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeShared(value: Shared): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** Decodes a fragment payload; null (never an exception) for anything that is not a valid case. */
export async function decodeShared(payload: string): Promise<Shared | null> {
  try {
    const json = await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'));
    const res = v.safeParse(Shared, JSON.parse(new TextDecoder().decode(json)));
    return res.success ? res.output : null;
  } catch {
    return null;
  }
}
