/** The real Arabic seed article (assets/samples/seed-article.txt), for tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_PATH = fileURLToPath(new URL('../../assets/samples/seed-article.txt', import.meta.url));
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
export const SEED_LINES = SEED_TEXT.split('\n').map((line) => line.trim()).filter(Boolean);
export const ASSETS_DIR = fileURLToPath(new URL('../../assets', import.meta.url));
