// Sizes inside a packaged app.asar: the total, the files a release must not ship
// (source maps, type declarations, tests, screenshots), and the biggest top-level
// folders and packages. `node scripts/asar-report.mjs <resources/app.asar> [--json]`.
import { statSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const asar = createRequire(import.meta.url)('@electron/asar');

export const FORBIDDEN = [
  { name: 'source maps', test: (path) => path.endsWith('.map') },
  { name: 'type declarations', test: (path) => /\.d\.(c|m)?ts$/.test(path) },
  { name: 'tests', test: (path) => /(^|\/)(tests?|__tests__)\//.test(path) && !path.startsWith('/node_modules/') },
  { name: 'screenshots', test: (path) => /screenshot/i.test(path) },
];

function folderSize(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    total += entry.isDirectory() ? folderSize(path) : statSync(path).size;
  }
  return total;
}

export function asarReport(asarPath) {
  const files = [];
  for (const path of asar.listPackage(asarPath, { isPack: false })) {
    const stat = asar.statFile(asarPath, path.replace(/^[/\\]/, ''), false);
    if ('size' in stat && !('files' in stat)) files.push({ path: path.replaceAll('\\', '/'), size: stat.size, unpacked: Boolean(stat.unpacked) });
  }
  const groups = new Map();
  for (const file of files) {
    const parts = file.path.split('/').filter(Boolean);
    const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/') : parts[0];
    groups.set(key, (groups.get(key) ?? 0) + file.size);
  }
  const unpackedDir = `${asarPath}.unpacked`;
  return {
    asarBytes: statSync(asarPath).size,
    unpackedBytes: existsSync(unpackedDir) ? folderSize(unpackedDir) : 0,
    fileCount: files.length,
    files,
    forbidden: Object.fromEntries(FORBIDDEN.map(({ name, test }) => [name, files.filter((file) => test(file.path)).map((file) => file.path)])),
    biggest: [...groups].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, bytes]) => ({ name, bytes })),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replaceAll('\\', '/').split('/').pop())) {
  const [path, flag] = process.argv.slice(2);
  const report = asarReport(path);
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (flag === '--json') {
    console.log(JSON.stringify({ ...report, files: undefined }, null, 2));
  } else {
    console.log(`app.asar ${mb(report.asarBytes)} + unpacked ${mb(report.unpackedBytes)} = ${mb(report.asarBytes + report.unpackedBytes)} (${report.fileCount} files)`);
    for (const [name, list] of Object.entries(report.forbidden)) console.log(`  ${name}: ${list.length}`);
    for (const { name, bytes } of report.biggest) console.log(`  ${mb(bytes).padStart(9)}  ${name}`);
  }
}
