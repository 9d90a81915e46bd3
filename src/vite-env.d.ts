/// <reference types="vite/client" />

/** The URL of a module built as a worker chunk of the same build (see scripts/shared-worker.ts). */
declare module '*?shared-worker' {
  const url: string;
  export default url;
}
