/**
 * Results as you type: queries the archive (in the main process, never here) a
 * short moment after the last keystroke; a newer query always wins over an older
 * answer that arrives late.
 */
import { useEffect, useRef, useState } from 'react';
import type { QuickMatch, SearchArgs, SearchResponse } from '../../common/api.js';
import { useApp } from '../app/api-context.js';

const DEBOUNCE_MS = 120;

export interface SearchState {
  response: SearchResponse | null;
  titles: QuickMatch[];
  busy: boolean;
}

export function useSearch(args: SearchArgs): SearchState {
  const { client, fail } = useApp();
  const [state, setState] = useState<SearchState>({ response: null, titles: [], busy: false });
  const generation = useRef(0);
  const key = JSON.stringify(args);

  useEffect(() => {
    const mine = ++generation.current;
    if (args.query.trim() === '') {
      setState({ response: null, titles: [], busy: false });
      return;
    }
    setState((previous) => ({ ...previous, busy: true }));
    const timer = setTimeout(() => {
      Promise.all([client.api.search(args), client.api.quickOpen({ query: args.query, limit: 3 })]).then(
        ([response, quick]) => {
          if (mine !== generation.current) return;
          setState({ response, titles: quick.filter((match) => match.kind === 'article'), busy: false });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          setState({ response: null, titles: [], busy: false });
          fail(error);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `key` stands for `args`: a new object each render, the same query.
  }, [key, client, fail]);

  return state;
}
