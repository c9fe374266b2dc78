/** Test-only readers that ship no type declarations: only what the tests call. */
declare module 'markdown-it-footnote' {
  import type MarkdownIt from 'markdown-it';
  const footnote: MarkdownIt.PluginSimple;
  export default footnote;
}

declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface Options {
    safe?: boolean;
    documentLoader?: (url: string) => Promise<RemoteDocument>;
  }
  const jsonld: { expand(input: unknown, options?: Options): Promise<Array<Record<string, unknown>>> };
  export default jsonld;
}
