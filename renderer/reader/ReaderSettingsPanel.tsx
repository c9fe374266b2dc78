/**
 * Reading settings: font (Naskh or sans), size, line height, column width, theme
 * (light, sepia, dark), diacritics shown or hidden, and what each highlight colour
 * means. Every change applies at once and is saved in the archive's settings.
 */
import { useState } from 'react';
import { HIGHLIGHT_COLORS, type ColorLabels, type HighlightColor, type ReaderSettings } from '../../common/types/article.js';
import { useI18n } from '../i18n/i18n.js';
import type { ReaderSettingsState } from './use-reader-settings.js';

function Choice<T extends string>({ label, value, options, onPick }: { label: string; value: T; options: Array<{ value: T; label: string; className?: string }>; onPick: (value: T) => void }) {
  return (
    <div className="settings-row" role="group" aria-label={label}>
      <span className="settings-label">{label}</span>
      <div className="segmented">
        {options.map((option) => (
          <button key={option.value} type="button" className={option.className} aria-pressed={value === option.value} onClick={() => onPick(option.value)}>
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}

function Slider({ label, value, min, max, step, shown, onChange }: { label: string; value: number; min: number; max: number; step: number; shown: string; onChange: (value: number) => void }) {
  return (
    <label className="settings-row">
      <span className="settings-label">{label}</span>
      <input type="range" min={min} max={max} step={step} value={value} onChange={(event) => onChange(Number(event.target.value))} />
      <output className="settings-value" dir="ltr">
        {shown}
      </output>
    </label>
  );
}

function LabelInput({ color, saved, onSave }: { color: HighlightColor; saved: string; onSave: (value: string) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(saved);
  const commit = () => {
    if (value.trim() !== saved.trim()) onSave(value.trim());
  };
  return (
    <label className={`label-row swatch-${color}`}>
      <span className="swatch" aria-hidden="true" />
      <span className="offscreen">{t[`color_${color}`]}</span>
      <input
        dir="auto"
        value={value}
        maxLength={60}
        placeholder={t[`label_${color}`]}
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

export function ReaderSettingsPanel({ settings }: { settings: ReaderSettingsState }) {
  const { t, locale } = useI18n();
  const { reader, colorLabels } = settings;
  const set = (patch: Partial<ReaderSettings>) => settings.setReader(patch);
  const number = (value: number, digits = 0) => value.toLocaleString(locale === 'ar' ? 'ar-u-nu-latn' : 'en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (
    <section className="reader-settings" aria-label={t.readerSettings}>
      <Choice
        label={t.font}
        value={reader.font}
        options={[
          { value: 'naskh', label: t.fontNaskh, className: 'font-sample-naskh' },
          { value: 'sans', label: t.fontSans, className: 'font-sample-sans' },
        ]}
        onPick={(font) => set({ font })}
      />
      <Slider label={t.fontSize} value={reader.size} min={14} max={34} step={1} shown={`${number(reader.size)} px`} onChange={(size) => set({ size })} />
      <Slider label={t.lineHeight} value={reader.lineHeight} min={1.6} max={3} step={0.1} shown={number(reader.lineHeight, 1)} onChange={(lineHeight) => set({ lineHeight })} />
      <Slider label={t.columnWidth} value={reader.width} min={36} max={90} step={2} shown={`${number(reader.width)} ch`} onChange={(width) => set({ width })} />
      <Choice
        label={t.theme}
        value={reader.theme}
        options={[
          { value: 'system', label: t.themeSystem, className: 'theme-sample-system' },
          { value: 'light', label: t.themeLight, className: 'theme-sample-light' },
          { value: 'sepia', label: t.themeSepia, className: 'theme-sample-sepia' },
          { value: 'dark', label: t.themeDark, className: 'theme-sample-dark' },
        ]}
        onPick={(theme) => set({ theme })}
      />
      <label className="settings-row settings-check">
        <input type="checkbox" checked={reader.showDiacritics} onChange={(event) => set({ showDiacritics: event.target.checked })} />
        <span>{t.showDiacritics}</span>
      </label>
      <p className="hint">{t.diacriticsHint}</p>
      <fieldset className="color-meanings">
        <legend>{t.colorMeanings}</legend>
        <p className="hint">{t.colorMeaningsHint}</p>
        {HIGHLIGHT_COLORS.map((color) => (
          <LabelInput key={color} color={color} saved={colorLabels[color] ?? ''} onSave={(value) => settings.setColorLabels({ [color]: value } as ColorLabels)} />
        ))}
      </fieldset>
    </section>
  );
}
