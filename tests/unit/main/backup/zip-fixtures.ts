/**
 * Malicious and broken backup zips, generated from a real, valid backup: each
 * changes one thing (a name, an entry type, a size, a checksum, the manifest, a
 * schema) and names the reason a restore must give. Made with fflate (the same
 * zip library the app writes with), plus byte patches of the central directory
 * where a zip library would not write the lie itself.
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { BackupManifest } from '../../../../main/backup/manifest.js';

export interface ZipFixture {
  name: string;
  bytes: Uint8Array;
  /** A piece of the refusal message. */
  reason: RegExp;
  /** Refused from the central directory alone, before anything is inflated. */
  beforeInflating?: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Files = Record<string, Uint8Array>;

function manifestOf(files: Files): BackupManifest {
  return JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as BackupManifest;
}

function withManifest(files: Files, manifest: BackupManifest): Files {
  return { ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) };
}

/** Lists `path` in the manifest with its true size and checksum. */
function listed(manifest: BackupManifest, path: string, bytes: Uint8Array): BackupManifest {
  return { ...manifest, files: [...manifest.files.filter((file) => file.path !== path), { path, size: bytes.length, sha256: sha256(bytes) }] };
}

function zip(files: Files | Zippable): Uint8Array {
  return zipSync(files as Zippable, { level: 6 });
}

/** Offsets of the central directory records, by name. */
function centralRecords(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd -= 1;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const records = new Map<string, number>();
  for (let index = 0; index < count; index += 1) {
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    records.set(name, at);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return records;
}

/** Sets an entry's declared uncompressed size in the central directory (a lying header). */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const copy = bytes.slice();
  const at = centralRecords(copy).get(name);
  if (at === undefined) throw new Error(`no entry ${name}`);
  new DataView(copy.buffer).setUint32(at + 24, size, true);
  return copy;
}

export function makeFixtures(validBackup: Uint8Array): ZipFixture[] {
  const files = unzipSync(validBackup) as Files;
  const manifest = manifestOf(files);
  const articleNames = Object.keys(files).filter((name) => name.startsWith('articles/'));
  const firstArticle = articleNames[0] as string;
  const evil = strToU8('{"schemaVersion":1,"id":"evil","blocks":[],"annotations":[]}');
  const fixtures: ZipFixture[] = [];

  const escaping = (name: string, reason: RegExp) => {
    fixtures.push({ name: `name ${name}`, bytes: zip(withManifest({ ...files, [name]: evil }, listed(manifest, name, evil))), reason, beforeInflating: true });
  };
  escaping('../evil.json', /path traversal/);
  escaping('articles/../../outside.json', /path traversal/);
  escaping('/tmp/qirtas-evil.json', /absolute path/);
  escaping('articles\\..\\..\\evil.json', /backslash/);
  escaping('C:/Windows/evil.json', /drive letter/);

  // A symbolic link entry (Unix mode 120777), then a file written "through" it.
  fixtures.push({
    name: 'symlink entry',
    bytes: zip({ ...files, 'articles/link.json': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }], 'articles/link.json/x.json': evil } as Zippable),
    reason: /symbolic link/,
    beforeInflating: true,
  });

  // Zip bombs: a declared size far above the per-file limit (refused before inflating) …
  fixtures.push({ name: 'bomb by declared size', bytes: declareSize(validBackup, firstArticle, 0xfffffff0), reason: /would unpack to .* above the .* limit/, beforeInflating: true });
  // … a real 64 MB of zeros that deflates a thousand times (ratio) …
  const zeros = new Uint8Array(64 * 1024 * 1024);
  fixtures.push({ name: 'bomb by ratio', bytes: zip({ ...files, 'articles/bomb.json': zeros }), reason: /expand \d+ times .* zip bomb/, beforeInflating: true });
  // … and a header that lies small: caught while inflating, at the declared size.
  const liar = zip(withManifest({ ...files, 'articles/liar.json': new Uint8Array(4 * 1024 * 1024) }, listed(manifest, 'articles/liar.json', new Uint8Array(1000))));
  fixtures.push({ name: 'bomb by lying header', bytes: declareSize(liar, 'articles/liar.json', 1000), reason: /inflates to more than the 1000 bytes it declares/ });

  fixtures.push({ name: 'truncated zip', bytes: validBackup.subarray(0, Math.floor(validBackup.length * 0.6)), reason: /truncated/ });
  fixtures.push({ name: 'not a zip', bytes: strToU8('this is a text file, not a backup'), reason: /not a zip file/ });

  // A file changed after the manifest was written (same size, other bytes).
  const changed = (files[firstArticle] as Uint8Array).slice();
  const digitAt = strFromU8(changed).search(/"start":\d/);
  changed[digitAt + 8] = changed[digitAt + 8] === 0x31 ? 0x32 : 0x31;
  fixtures.push({ name: 'checksum mismatch', bytes: zip({ ...files, [firstArticle]: changed }), reason: /SHA-256 checksum does not match/ });

  // The manifest lists a file the zip lacks.
  const { [firstArticle]: _dropped, ...withoutArticle } = files;
  fixtures.push({ name: 'manifest lists a missing file', bytes: zip(withoutArticle), reason: /manifest lists it but the archive does not contain it/ });

  // A file the manifest does not list.
  fixtures.push({ name: 'extra file', bytes: zip({ ...files, 'articles/extra0001.json': evil }), reason: /not listed in the manifest \(an extra file\)/ });
  fixtures.push({ name: 'not an archive file', bytes: zip(withManifest({ ...files, 'run.sh': evil }, listed(manifest, 'run.sh', evil))), reason: /not a file of a Qirtas archive/ });

  // library.json that does not match the schema (an article without a title), listed with its true checksum.
  const library = JSON.parse(strFromU8(files['library.json'] as Uint8Array));
  delete library.articles[0].title;
  const badLibrary = strToU8(JSON.stringify(library));
  fixtures.push({ name: 'schema-invalid library.json', bytes: zip(withManifest({ ...files, 'library.json': badLibrary }, listed(manifest, 'library.json', badLibrary))), reason: /library\.json.*does not match the Qirtas format at articles\.0\.title/ });

  // An article file holding another article.
  const article = JSON.parse(strFromU8(files[firstArticle] as Uint8Array));
  const swapped = strToU8(JSON.stringify({ ...article, id: 'someone-else' }));
  fixtures.push({ name: 'article id mismatch', bytes: zip(withManifest({ ...files, [firstArticle]: swapped }, listed(manifest, firstArticle, swapped))), reason: /holds article "someone-else"/ });

  // Names equal up to case.
  const upper = `articles/${firstArticle.slice('articles/'.length).replace(/[a-f]/, (c) => c.toUpperCase())}`;
  fixtures.push({ name: 'names differing by case', bytes: zip(withManifest({ ...files, [upper]: files[firstArticle] as Uint8Array }, listed(manifest, upper, files[firstArticle] as Uint8Array))), reason: /differs only by case/, beforeInflating: true });

  // No manifest at all.
  const { 'manifest.json': _manifest, ...noManifest } = files;
  fixtures.push({ name: 'no manifest', bytes: zip(noManifest), reason: /no manifest\.json/ });

  return fixtures;
}
