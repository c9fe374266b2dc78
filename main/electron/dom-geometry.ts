/**
 * A pure-JavaScript DOMMatrix for the main process. pdf.js (the PDF importer)
 * evaluates `new DOMMatrix()` when it loads; Node has none, and pdf.js would take
 * it from @napi-rs/canvas, a native module built for one OS and architecture,
 * which the package leaves out (an installer built on one OS would otherwise ship
 * another OS's binary, or none). Text extraction never draws, so the geometry
 * class is all it needs.
 */
import DOMMatrixShim from '@thednp/dommatrix';

const globals = globalThis as { DOMMatrix?: unknown };
globals.DOMMatrix ??= DOMMatrixShim;
