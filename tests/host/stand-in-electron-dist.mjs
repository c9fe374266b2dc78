/**
 * A stand-in Electron distribution for electron-builder's Linux `dir` target on a
 * machine that cannot download Electron: the file layout electron-builder copies
 * (binary, locales, licences, version), with a placeholder binary that carries
 * Electron's fuse wire (the sentinel, version 1, eight fuses at Electron's
 * defaults), so the fuses electron-builder flips can be read back. It packages
 * the app exactly as a real distribution would; it cannot run it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** RunAsNode, CookieEncryption, NodeOptions, InspectArguments, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, GrantFileProtocolExtraPrivileges. */
const ELECTRON_DEFAULT_WIRE = '10110001';

export function makeStandInElectronDist(version) {
  const folder = mkdtempSync(join(tmpdir(), 'qirtas-electron-dist-'));
  const wire = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run"\nexit 1\n'), Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE)]);
  writeFileSync(join(folder, 'electron'), wire, { mode: 0o755 });
  mkdirSync(join(folder, 'locales'));
  for (const locale of ['ar', 'en-US', 'en-GB', 'de', 'fr', 'ja']) writeFileSync(join(folder, 'locales', `${locale}.pak`), '');
  mkdirSync(join(folder, 'resources'));
  writeFileSync(join(folder, 'LICENSE'), '');
  writeFileSync(join(folder, 'LICENSES.chromium.html'), '');
  writeFileSync(join(folder, 'version'), version);
  return folder;
}
