/**
 * Filling `{name}` slots of UI sentences. `fillIsolated` wraps each value in
 * first-strong isolation (FSI…PDI), for values from the user's data or numbers
 * placed inside a sentence: a Latin file name or a number then keeps its own
 * order and never drags the Arabic words around it (issue 10). `fill` leaves the
 * values bare, for accessible names and titles matched as written.
 */
export type SlotValues = Record<string, string | number>;

/** First-strong isolate … pop directional isolate. */
export const isolate = (value: string | number): string => `\u2068${value}\u2069`;

export function fill(template: string, values: SlotValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function fillIsolated(template: string, values: SlotValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? isolate(values[name] as string | number) : whole));
}
