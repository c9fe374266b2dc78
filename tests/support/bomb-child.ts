/**
 * Child process for the decompression-bomb test: imports one file through the
 * real import entry point (parseFile, which the importFile operation and the
 * CLI both use) and prints one JSON line: how long it took, the process's peak
 * resident memory, and the error it was refused with (or that it was accepted).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseFile } from '../../main/import/formats/index.js';

const path = process.argv[2] as string;
const started = performance.now();
let outcome: { refused: boolean; message: string };
try {
  const parsed = await parseFile(readFileSync(path), basename(path));
  outcome = { refused: false, message: `accepted ${parsed.length} article(s)` };
} catch (error) {
  outcome = { refused: true, message: (error as Error).message };
}
const ms = performance.now() - started;
// maxRSS is the peak over the whole life of the process, in kilobytes.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ...outcome, ms, peakRssMb })}\n`);
