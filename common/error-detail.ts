/**
 * What a parser said about a file, without the file: V8's JSON.parse quotes
 * the start of the text ("root:x:0:0"... is not valid JSON), and other parsers
 * quote the token they tripped on. Messages name the file and the reason, never
 * its bytes (a symlink to a secret file must not leak it through an error).
 * Pure (common/): used by the importers, import-json and the backup reader.
 */

/** The parser's complaint with every quoted piece of input removed, at most 200 characters. */
export function detailWithoutContent(error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  if (error instanceof SyntaxError && /JSON/.test(first)) return jsonProblem(first);
  return first
    .replace(/"[^"]*"(\.\.\.)?/g, '…')
    .replace(/'[^']*'/g, '…')
    .replace(/`[^`]*`/g, '…')
    .replace(/“[^”]*”/g, '…')
    .slice(0, 200);
}

/** JSON.parse's complaint as where and what, never the text around it. */
function jsonProblem(message: string): string {
  if (/Unexpected end|Unterminated/i.test(message)) return 'the text ends too early';
  const where = /position (\d+)(?: \(line (\d+) column (\d+)\))?/.exec(message);
  if (where?.[2]) return `unexpected character at line ${where[2]}, column ${where[3]}`;
  if (where?.[1]) return `unexpected character at position ${where[1]}`;
  return 'unexpected character';
}
