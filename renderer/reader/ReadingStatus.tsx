/**
 * Reading status in the reader (issue 10): how far the user got is reported with
 * recordReading while they read — after a few seconds in the article, then as the
 * furthest point reached grows — and reaching the end of the text marks the
 * article read (the core decides the status from progress and `atEnd`). A button
 * beside the title sets it by hand (read / unread) through bulkUpdate.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ArticleMeta } from '../../common/types/article.js';
import type { ReadingStatus as Status } from '../../common/types/library.js';
import { useApp } from '../app/api-context.js';
import { useI18n } from '../i18n/i18n.js';

/** Time in the article before it counts as read from (a glance does not). */
const DWELL_MS = 2500;
/** Report again only when the furthest point grew this much (or the end was reached). */
const STEP = 0.05;
const END_SLACK_PX = 8;

/** Fraction of the text seen (its bottom edge on screen counts as all of it), and whether the end is on screen. */
export function measureProgress(article: HTMLElement): { progress: number; atEnd: boolean } {
  const box = article.getBoundingClientRect();
  if (box.height <= 0) return { progress: 0, atEnd: false };
  const seen = window.innerHeight - box.top;
  const atEnd = box.bottom <= window.innerHeight + END_SLACK_PX;
  return { progress: atEnd ? 1 : Math.max(0, Math.min(1, seen / box.height)), atEnd };
}

function useReadingProgress(id: string, articleRef: RefObject<HTMLElement | null>, onStatus: (status: Status) => void): void {
  const { client } = useApp();
  const reported = useRef({ progress: -1, atEnd: false });
  const furthest = useRef({ progress: 0, atEnd: false });
  const dwelled = useRef(false);

  useEffect(() => {
    reported.current = { progress: -1, atEnd: false };
    furthest.current = { progress: 0, atEnd: false };
    dwelled.current = false;
    let live = true;
    const report = () => {
      const { progress, atEnd } = furthest.current;
      const last = reported.current;
      if (!dwelled.current || (progress < last.progress + STEP && !(atEnd && !last.atEnd))) return;
      reported.current = { progress, atEnd };
      client.api.recordReading({ id, progress, atEnd }).then(
        (row) => live && onStatus(row.readingStatus),
        () => undefined, // Progress is a convenience: a failed report is not worth an error toast.
      );
    };
    const measure = () => {
      const article = articleRef.current;
      if (!article) return;
      const now = measureProgress(article);
      furthest.current = { progress: Math.max(furthest.current.progress, now.progress), atEnd: furthest.current.atEnd || now.atEnd };
      report();
    };
    let frame = 0;
    const onScroll = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          measure();
        });
    };
    const dwell = setTimeout(() => {
      dwelled.current = true;
      measure();
    }, DWELL_MS);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      live = false;
      clearTimeout(dwell);
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [client, id, articleRef, onStatus]);
}

const STATUS_LABEL = { unread: 'statusUnread', reading: 'statusReading', read: 'statusRead' } as const;

export function ReadingStatusBar({ meta, articleRef }: { meta: ArticleMeta; articleRef: RefObject<HTMLElement | null> }) {
  const { t } = useI18n();
  const { client, fail } = useApp();
  const [status, setStatus] = useState<Status>(meta.readingStatus ?? 'unread');
  useEffect(() => setStatus(meta.readingStatus ?? 'unread'), [meta.id, meta.readingStatus]);
  // setStatus is stable, so the progress hook does not restart on every render.
  useReadingProgress(meta.id, articleRef, setStatus);

  const set = (next: Status) => {
    setStatus(next);
    client.api.bulkUpdate({ ids: [meta.id], action: { kind: 'setStatus', status: next } }).catch(fail);
  };
  return (
    <div className="reading-status" data-status={status}>
      <span className={`status-pill status-${status}`}>{t[STATUS_LABEL[status]]}</span>
      <button type="button" className="button-quiet" onClick={() => set(status === 'read' ? 'unread' : 'read')}>
        {status === 'read' ? t.markUnread : t.markRead}
      </button>
    </div>
  );
}
