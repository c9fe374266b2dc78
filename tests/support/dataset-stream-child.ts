/**
 * Child process for the flat-memory test of the streamed dataset reader: reads the
 * dataset at argv[2] record by record (readDatasetFile), sampling RSS as it goes,
 * and prints {records, failed, baselineMB, peakMB, samplesMB} as JSON.
 */
import { readDatasetFile } from '../../main/import/dataset-stream.js';

const path = process.argv[2]!;
const mb = (bytes: number) => bytes / 1024 / 1024;
global.gc?.();
const baselineMB = mb(process.memoryUsage().rss);
const samplesMB: number[] = [];
let records = 0;
let failed = 0;
let next = 0;
for await (const item of readDatasetFile(path, 'big.jsonl', {
  format: 'jsonl',
  onBytes: (read, total) => {
    // One sample per hundredth of the file.
    if (read >= (next * total) / 100) {
      samplesMB.push(Math.round(mb(process.memoryUsage().rss)));
      next += 1;
    }
  },
})) {
  if ('error' in item) failed += 1;
  else records += 1;
}
const peakMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ records, failed, baselineMB: Math.round(baselineMB), peakMB: Math.round(peakMB), samplesMB }));
