/**
 * The release set-up, checked as data: the workflow against the published GitHub
 * workflow schema (@action-validator/core, SchemaStore's schema compiled to
 * WebAssembly, offline), electron-builder.yml against electron-builder's own
 * JSON schema (app-builder-lib/scheme.json, with ajv), the release choices the
 * issue asks for, the icons, and package.json: release metadata, engines that
 * every locked package accepts, and dependencies that are exactly what the
 * built main process loads.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './host-harness.js';

const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const { validateWorkflow } = require('@action-validator/core') as { validateWorkflow(src: string): { errors: Array<{ title: string; path?: string }> } };

type Step = { name?: string; run?: string; uses?: string; with?: Record<string, unknown>; if?: string; env?: Record<string, string> };
type Job = { 'runs-on': string; needs?: string | string[]; steps: Step[]; strategy?: { matrix: { include: Array<Record<string, string>> } }; permissions?: Record<string, string> };
type Workflow = { on: { push: { tags: string[] }; workflow_dispatch: unknown }; jobs: Record<string, Job> };

describe('.github/workflows/release.yml', () => {
  const source = read('.github/workflows/release.yml');
  const workflow = parseYaml(source) as Workflow;

  it('is valid against the published workflow schema, and the validator does reject broken workflows', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
    expect(validateWorkflow(source.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}')).errors.length).toBeGreaterThan(0);
    expect(validateWorkflow(source.replace('workflow_dispatch:', 'workflow_dispatched:')).errors.length).toBeGreaterThan(0);
  });

  it('runs on version tags and by hand', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect('workflow_dispatch' in workflow.on).toBe(true);
  });

  it('builds natively on Linux x64, Windows x64, macOS arm64 and macOS x64', () => {
    const include = workflow.jobs.build?.strategy?.matrix.include ?? [];
    const pairs = include.map((entry) => `${entry.platform}-${entry.arch}`).sort();
    expect(pairs).toEqual(['linux-x64', 'mac-arm64', 'mac-x64', 'win-x64']);
    const os = Object.fromEntries(include.map((entry) => [`${entry.platform}-${entry.arch}`, entry.os]));
    expect(os['linux-x64']).toMatch(/^ubuntu/);
    expect(os['win-x64']).toMatch(/^windows/);
    expect(os['mac-arm64']).toMatch(/^macos-1[4-9]/); // Apple silicon runners
    expect(os['mac-x64']).toBe('macos-13'); // the last Intel runner
  });

  it('takes Node from package.json, installs with npm ci, typechecks, lints, tests, builds, packages without publishing, then tests the packaged app', () => {
    const steps = workflow.jobs.build?.steps ?? [];
    const runs = steps.map((step) => step.run ?? '').join('\n');
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['node-version-file']).toBe('package.json');
    const order = ['npm ci', 'npm run typecheck', 'npm run lint', 'npm run build', 'npx vitest run', 'npx electron-builder', 'playwright test -c playwright.electron.config.ts'];
    const positions = order.map((command) => runs.indexOf(command));
    expect(positions.every((position) => position >= 0), JSON.stringify(Object.fromEntries(order.map((c, i) => [c, positions[i]])))).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(runs).toMatch(/electron-builder --config electron-builder\.yml \$\{\{ matrix\.targets \}\} --publish never/);
    expect(steps.find((step) => step.if === "matrix.platform == 'linux'" && step.run?.includes('playwright'))?.run).toMatch(/^xvfb-run -a /);
  });

  it('gathers the artifacts, writes SHA256SUMS and creates a draft release after every build', () => {
    const release = workflow.jobs.release;
    expect(release?.needs).toBe('build');
    expect(release?.permissions?.contents).toBe('write');
    const runs = (release?.steps ?? []).map((step) => step.run ?? '').join('\n');
    expect((release?.steps ?? []).some((step) => step.uses?.startsWith('actions/download-artifact@'))).toBe(true);
    expect(runs).toContain('sha256sum');
    expect(runs).toContain('SHA256SUMS');
    expect(runs).toMatch(/gh release create[\s\S]*--draft/);
  });
});

describe('electron-builder.yml', () => {
  const config = parseYaml(read('electron-builder.yml')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("is valid against electron-builder's own schema, which does reject unknown options", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(read('node_modules/app-builder-lib/scheme.json')));
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, perMahcine: false } })).toBe(false);
  });

  it('names artifacts by version, OS and architecture', () => {
    expect(config.artifactName).toBe('${productName}-${version}-${os}-${arch}.${ext}');
  });

  it('flips the fuses a release needs', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('Linux: AppImage and deb with the default system dependencies, a category, a desktop entry and the MIME types Qirtas imports', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb?.depends).toBeUndefined();
    expect(config.linux.category).toBe('Office');
    expect(config.linux.desktop.entry).toMatchObject({ Name: 'Qirtas', 'Name[ar]': 'قرطاس' });
    expect(config.linux.mimeTypes).toEqual(expect.arrayContaining(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html', 'text/markdown', 'text/plain']));
  });

  it('Windows: a per-user NSIS installer in Arabic and English that never deletes the archive', () => {
    expect(config.nsis).toMatchObject({ perMachine: false, deleteAppDataOnUninstall: false });
    expect(config.nsis.installerLanguages).toEqual(expect.arrayContaining(['ar_SA', 'en_US']));
  });

  it('macOS: dmg for x64 and arm64, hardened runtime with an entitlements file, notarised by the afterSign hook', () => {
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = read(config.mac.entitlements);
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
    expect(existsSync(join(REPO_ROOT, config.afterSign))).toBe(true);
  });

  it('ships no maps, declarations, tests or screenshots, and no native canvas', () => {
    expect(config.files).toEqual(expect.arrayContaining(['!**/*.map', '!**/*.{ts,mts,cts}', '!**/*screenshot*', '!node_modules/@napi-rs/**']));
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('has every icon it names, all from the one 1024×1024 source', () => {
    const pngSize = (path: string) => {
      const bytes = readFileSync(join(REPO_ROOT, path));
      return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    };
    expect(pngSize('assets/icon.png')).toEqual([1024, 1024]);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(`${config.linux.icon}/${size}x${size}.png`)).toEqual([size, size]);
    const ico = readFileSync(join(REPO_ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(6); // several sizes
    expect(readFileSync(join(REPO_ROOT, config.mac.icon)).subarray(0, 4).toString('latin1')).toBe('icns');
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(read('package.json')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('has what installers need: author with email, homepage, repository, license, desktopName', () => {
    expect(pkg.author.email).toMatch(/@/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
    expect(pkg.license).toBe('MIT');
    expect(pkg.desktopName).toBe('qirtas.desktop');
  });

  it('asks for a Node that every locked package accepts (so npm install prints no engine warnings on it)', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } | string[] }> };
    const lowest = semver.minVersion(pkg.engines.node)?.version as string;
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path && entry.engines && !Array.isArray(entry.engines) && entry.engines.node && !semver.satisfies(lowest, entry.engines.node))
      .map(([path, entry]) => `${path} (${(entry.engines as { node: string }).node})`);
    expect(refusing).toEqual([]);
    expect(semver.satisfies('22.12.0', '>=22.12.0') && semver.gte(lowest, '22.12.0')).toBe(true);
  });

  it('lists as dependencies exactly what the built main process loads', () => {
    const bundle = read('dist/main/electron-main.cjs');
    const loaded = new Set<string>();
    for (const match of bundle.matchAll(/require\("([^"]+)"\)|import\("([^"]+)"\)/g)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('node:') || specifier.startsWith('.') || specifier === 'electron') continue;
      loaded.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string));
    }
    // Font packages are found on disk by name (main/export/fonts.ts), not required.
    for (const name of Object.keys(pkg.dependencies)) if (bundle.includes(`"${name}"`)) loaded.add(name);
    expect([...loaded].filter((name) => !(name in pkg.dependencies))).toEqual([]);
    expect(Object.keys(pkg.dependencies).filter((name) => !loaded.has(name))).toEqual([]);
    for (const rendererOnly of ['react', 'react-dom', 'linkedom']) expect(pkg.dependencies[rendererOnly]).toBeUndefined();
  });
});
