/**
 * A date typed the way the user writes dates, never the browser's mm/dd/yyyy:
 * «7/12/2024»، «٧ ديسمبر ٢٠٢٤»، «5 جمادى الآخرة 1446 هـ», ISO — read by the same
 * parser as imported dates (common/dates.ts), shown back in the UI language, with
 * the Hijri date beside the Gregorian one. The value is an ISO date (YYYY-MM-DD)
 * or '' for none.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatDual, parsePublishedDate } from '../../common/dates.js';
import { useI18n } from '../i18n/i18n.js';

export interface DateFieldProps {
  value: string;
  onChange(iso: string): void;
  /** The field's accessible name when it has no <label> of its own. */
  label?: string;
  /** Show the Gregorian and Hijri reading under the field (forms; filters keep it in the tooltip). */
  showDual?: boolean;
  name?: string;
}

export function DateField({ value, onChange, label, showDual = false, name }: DateFieldProps) {
  const { t, locale } = useI18n();
  const shown = (iso: string) => (iso ? formatDual(iso, locale === 'ar' ? 'ar' : 'en').gregorian : '');
  const [draft, setDraft] = useState(() => shown(value));
  const [unclear, setUnclear] = useState(false);
  const editing = useRef(false);
  const hintId = useId();

  // A value set from outside (cleared filters, another locale) is shown, unless the user is typing.
  useEffect(() => {
    if (!editing.current) {
      setDraft(shown(value));
      setUnclear(false);
    }
  }, [value, locale]);

  const read = (text: string, final: boolean) => {
    const trimmed = text.trim();
    if (!trimmed) {
      setUnclear(false);
      if (value) onChange('');
      return;
    }
    const iso = parsePublishedDate(trimmed);
    if (iso) {
      setUnclear(false);
      if (iso !== value) onChange(iso);
      if (final) setDraft(shown(iso));
    } else if (final) setUnclear(true);
  };

  const dual = value ? formatDual(value, locale === 'ar' ? 'ar' : 'en') : null;
  return (
    <span className="date-field">
      <input
        type="text"
        dir="auto"
        name={name}
        value={draft}
        placeholder={t.datePlaceholder}
        aria-label={label}
        aria-invalid={unclear || undefined}
        aria-describedby={unclear || (showDual && dual) ? hintId : undefined}
        title={dual ? `${dual.gregorian} · ${dual.hijri}` : undefined}
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(event) => {
          setDraft(event.target.value);
          read(event.target.value, false);
        }}
        onBlur={() => {
          editing.current = false;
          read(draft, true);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') read(draft, true);
        }}
      />
      {unclear ? (
        <small id={hintId} className="date-field-hint date-field-unclear" role="alert">
          {t.dateUnclear}
        </small>
      ) : (
        showDual &&
        dual && (
          <small id={hintId} className="date-field-hint">
            {dual.gregorian} · {dual.hijri}
          </small>
        )
      )}
    </span>
  );
}
