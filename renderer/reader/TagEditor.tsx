/**
 * Tags as removable chips plus an input with suggestions: a fuzzy match (fuse.js)
 * over the tags already used in the archive, on Arabic-folded text so «إيران»
 * finds «ايران» and a typo still finds its tag. Enter or a comma adds a tag;
 * arrows move through the suggestions; Backspace on an empty input removes the last.
 */
import Fuse from 'fuse.js';
import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { normalizeForSearch } from '../../common/text/arabic.js';
import { useI18n } from '../i18n/i18n.js';
import { fill } from './format.js';

const MAX_SUGGESTIONS = 6;

export function useTagSuggestions(known: readonly string[], taken: readonly string[], query: string): string[] {
  const fuse = useMemo(
    () => new Fuse(known.map((tag) => ({ tag, key: normalizeForSearch(tag) })), { keys: ['key'], threshold: 0.4, ignoreLocation: true }),
    [known],
  );
  return useMemo(() => {
    const folded = normalizeForSearch(query).trim();
    const candidates = folded ? fuse.search(folded).map((result) => result.item.tag) : [...known];
    return candidates.filter((tag) => !taken.includes(tag)).slice(0, MAX_SUGGESTIONS);
  }, [fuse, known, taken, query]);
}

export function TagEditor({
  tags,
  known,
  onChange,
  inputRef,
  onEscape,
}: {
  tags: readonly string[];
  known: readonly string[];
  onChange: (tags: string[]) => void;
  inputRef?: Ref<HTMLInputElement>;
  onEscape?: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState('');
  const [cursor, setCursor] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const suggestions = useTagSuggestions(known, tags, draft);

  const add = (raw: string) => {
    const tag = raw.replace(/[,،]/g, ' ').trim();
    setDraft('');
    setCursor(-1);
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add(cursor >= 0 && suggestions[cursor] ? suggestions[cursor] : draft);
    } else if (event.key === ',' || event.key === '،') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setCursor((cursor + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setCursor(cursor <= 0 ? suggestions.length - 1 : cursor - 1);
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (open && suggestions.length > 0 && draft) {
        setOpen(false);
      } else {
        onEscape?.();
      }
    }
  };

  return (
    <div className="tag-editor">
      <ul className="tag-chips">
        {tags.map((tag) => (
          <li key={tag} className="tag" dir="auto">
            {tag}
            <button type="button" className="chip-remove" aria-label={fill(t.removeTag, { tag })} onClick={() => onChange(tags.filter((other) => other !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="tag-input-wrap">
        <input
          ref={inputRef}
          dir="auto"
          value={draft}
          placeholder={t.tagPlaceholder}
          aria-label={t.addTagsLong}
          role="combobox"
          aria-expanded={open && suggestions.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={cursor >= 0 ? `${listId}-${cursor}` : undefined}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onChange={(event) => {
            setDraft(event.target.value);
            setCursor(-1);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
        />
        {open && suggestions.length > 0 && (
          <ul id={listId} className="tag-suggestions" role="listbox" aria-label={t.tagSuggestions}>
            {suggestions.map((tag, index) => (
              <li
                key={tag}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === cursor}
                dir="auto"
                // mousedown, not click: the input must not lose focus (and close the list) first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  add(tag);
                }}
              >
                {tag}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
