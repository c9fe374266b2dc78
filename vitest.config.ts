// Unit tests: tests/unit/{common,main,renderer}/**/*.test.ts, run under Node.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The suites that wait longest on child processes (kills, restores, the CLI) go first, so the
 * other worker runs everything else beside them. On a fresh clone vitest has no timings yet and
 * would start the larger files first, leaving the 200-kill soak to run alone at the end.
 */
const LONGEST_FIRST = [/faults\/soak\.test/, /store\/crash-safety\.test/, /store\/interrupted-restore\.test/, /library\/cli-library\.test/, /backup\/cli-export-backup\.test/];

class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((pattern) => pattern.test(file.moduleId));
      return index < 0 ? LONGEST_FIRST.length : index;
    };
    return sorted.map((file, order) => ({ file, order })).sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order).map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time even on a 2-core machine: the longest files (the kill and soak suites)
    // mostly wait on child processes, so the rest runs beside them instead of after them.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
