/**
 * Errors worded in the user's language (issue 10): every error from the core
 * carries a code, and where the core knows the kind of failure a `reason` with
 * parameters (common/error-reasons.ts). This module turns them into a sentence in
 * Arabic or English; the core's English message stays available as the technical
 * detail. Names and numbers from the user's data are bidi-isolated so a Latin file
 * name does not reorder the Arabic sentence around it.
 */
import { ERROR_CODES, type ApiError, type ErrorCode } from '../../common/errors.js';
import { isErrorReason, type ErrorReason } from '../../common/error-reasons.js';
import type { Locale } from '../../common/types/article.js';
import { isolate } from './fill.js';
import { formatBytes } from './format-numbers.js';

type Sentences = { codes: Record<ErrorCode, string>; reasons: Record<ErrorReason, string>; file: string; offline: string; detail: string };

const AR: Sentences = {
  codes: {
    BAD_ARGS: 'الطلب غير صالح، ولم يُغيَّر شيء.',
    UNKNOWN_OPERATION: 'هذه العملية لا تعرفها هذه النسخة من قرطاس.',
    NOT_FOUND: 'لم يُعثر على المطلوب؛ ربما حُذف.',
    DAMAGED_FILE: 'ملف في الأرشيف تالف أو ناقص فلم يُقرأ، ولم يُكتب فوقه شيء. يمكنك الاستعادة من نسخة احتياطية.',
    LOCKED: 'الأرشيف مفتوح في برنامج آخر أو للقراءة فقط، فلا يمكن تغييره الآن.',
    INVALID_INPUT: 'تعذّر قبول المدخلات، ولم يُغيَّر شيء.',
    CONFLICT: 'لا يمكن ذلك في الحالة الحالية.',
    INTERNAL: 'حدث خطأ داخلي غير متوقع، ولم يُغيَّر شيء مما لم يُؤكَّد حفظه.',
    NEWER_VERSION: 'صنعت هذا الملفَّ نسخةٌ أحدث من قرطاس؛ حدّث التطبيق لفتحه. لم يُغيَّر الملف.',
    INTERRUPTED_RESTORE: 'توقفت استعادة نسخة احتياطية قبل أن تكتمل. شغّل قرطاس ليكملها أو يتراجع عنها قبل أي تعديل.',
  },
  reasons: {
    'file-too-large': 'الملف {file} كبير جدًا ({size})؛ الحد {limit}.',
    'too-large-unpacked': 'الملف {file} أكبر من المسموح حين يُفكّ ضغطه (الحد {limit})، فلم يُستورد.',
    'unsupported-format': 'لا يمكن استيراد هذا النوع من الملفات: {file}.',
    'file-empty': 'الملف {file} فارغ.',
    'no-text': 'لا نص في الملف {file}.',
    'binary-file': 'الملف {file} ليس نصًا بل ملف ثنائي.',
    'damaged-document': 'الملف {file} تالف أو ناقص فلا يمكن قراءته.',
    'pdf-password': 'الملف {file} محمي بكلمة مرور؛ أزلها ثم استورده من جديد.',
    'pdf-no-text-layer': 'لا طبقة نص في الملف {file} (ربما صور ممسوحة ضوئيًا)؛ قرطاس لا يقرأ النص من الصور.',
    'old-doc-format': 'الملف {file} بصيغة Word القديمة (.doc)؛ احفظه بصيغة ‎.docx ثم استورده.',
    'wrong-format': 'الملف {file} ليس ملف {format} حقًا رغم اسمه.',
    'bad-front-matter': 'كتلة البيانات في أول الملف {file} (بين ---) ليست سطور «مفتاح: قيمة» صالحة.',
    'bad-record': 'السجل في السطر {line} من {file} غير صالح؛ استُوردت السجلات الأخرى.',
    'missing-column': 'لا عمود باسم {column} في {file}.',
    'unknown-encoding': 'ترميز النص {encoding} غير معروف ({file}).',
    'article-not-found': 'لم يُعثر على المقال؛ ربما حُذف.',
    'articles-not-found': 'لم يعد {count} من المقالات المحددة في الأرشيف، فلم يُغيَّر شيء.',
    'article-in-trash': 'هذا المقال في سلة المحذوفات؛ استعده لتكمل قراءته.',
    'collection-not-found': 'لم يُعثر على المجموعة؛ ربما حُذفت.',
    'saved-search-not-found': 'لم يُعثر على البحث المحفوظ؛ ربما حُذف.',
    'collection-name-taken': 'توجد هنا مجموعة باسم {name} من قبل.',
    'saved-search-name-taken': 'يوجد بحث محفوظ باسم {name} من قبل.',
    'collection-cycle': 'لا يمكن نقل المجموعة {name} إلى داخلها أو إلى إحدى مجموعاتها الفرعية.',
    'ambiguous-collection': 'تحمل {count} مجموعات الاسم {name}؛ حدّد مسارها أو معرّفها.',
    'ambiguous-id': 'يطابق {id} عدة مقالات ({count})؛ اكتب المزيد من المعرّف.',
    'undo-expired': 'لم يعد التراجع عن هذا ممكنًا (مرّ وقت طويل أو أُعيد تشغيل التطبيق).',
    'request-too-large': 'الطلب أكبر من الحد المسموح ({limit}).',
    'newer-version': 'صنعت الملفَّ {file} نسخةٌ أحدث من قرطاس؛ حدّث التطبيق لفتحه. لم يُغيَّر الملف.',
    'read-only': 'فُتح الأرشيف للقراءة فقط، فلا يمكن تغيير شيء.',
    'backup-refused': 'النسخة الاحتياطية {file} تالفة أو ليست نسخة من قرطاس، فلم تُستعد ولم يتغير شيء.',
    'invalid-argument': 'في الطلب قيمة غير صالحة، فلم يُغيَّر شيء.',
  },
  file: 'الملف: {file}',
  offline: 'تعذّر الوصول إلى الأرشيف؛ هل ما زال قرطاس يعمل؟',
  detail: 'التفاصيل التقنية',
};

const EN: Sentences = {
  codes: {
    BAD_ARGS: 'The request was not valid; nothing was changed.',
    UNKNOWN_OPERATION: 'This version of Qirtas does not know that operation.',
    NOT_FOUND: 'It could not be found; it may have been deleted.',
    DAMAGED_FILE: 'A file in the archive is damaged or incomplete, so it was not read, and nothing was written over it. You can restore from a backup.',
    LOCKED: 'The archive is open in another program, or read-only, so it cannot be changed now.',
    INVALID_INPUT: 'The input could not be accepted; nothing was changed.',
    CONFLICT: 'That cannot be done in the current state.',
    INTERNAL: 'Something unexpected went wrong inside Qirtas; nothing unconfirmed was changed.',
    NEWER_VERSION: 'This file was made by a newer version of Qirtas; update the app to open it. The file was not changed.',
    INTERRUPTED_RESTORE: 'A backup restore stopped before it finished. Start Qirtas so it completes or rolls it back before any change.',
  },
  reasons: {
    'file-too-large': '{file} is too large ({size}); the limit is {limit}.',
    'too-large-unpacked': '{file} is too large when unpacked (the limit is {limit}), so it was not imported.',
    'unsupported-format': 'This type of file cannot be imported: {file}.',
    'file-empty': '{file} is empty.',
    'no-text': 'There is no text in {file}.',
    'binary-file': '{file} is not text but a binary file.',
    'damaged-document': '{file} is damaged or incomplete and cannot be read.',
    'pdf-password': '{file} is password-protected; remove the password and import it again.',
    'pdf-no-text-layer': '{file} has no text layer (it may be scanned images); Qirtas cannot read text from images.',
    'old-doc-format': '{file} is an old Word .doc file; save it as .docx and import that.',
    'wrong-format': '{file} is not really a {format} file, whatever its name says.',
    'bad-front-matter': 'The block at the top of {file} (between ---) is not valid "key: value" lines.',
    'bad-record': 'The record on line {line} of {file} is not valid; the other records were imported.',
    'missing-column': '{file} has no column named {column}.',
    'unknown-encoding': 'Unknown text encoding {encoding} ({file}).',
    'article-not-found': 'The article could not be found; it may have been deleted.',
    'articles-not-found': '{count} of the selected articles are no longer in the archive, so nothing was changed.',
    'article-in-trash': 'This article is in the trash; restore it to keep reading.',
    'collection-not-found': 'The collection could not be found; it may have been deleted.',
    'saved-search-not-found': 'The saved search could not be found; it may have been deleted.',
    'collection-name-taken': 'There is already a collection named {name} here.',
    'saved-search-name-taken': 'There is already a saved search named {name}.',
    'collection-cycle': 'The collection {name} cannot go inside itself or one of its sub-collections.',
    'ambiguous-collection': '{count} collections are named {name}; give its path or id.',
    'ambiguous-id': '{id} matches {count} articles; give more of the id.',
    'undo-expired': 'This can no longer be undone (too long ago, or the app was restarted).',
    'request-too-large': 'The request is larger than the limit ({limit}).',
    'newer-version': '{file} was made by a newer version of Qirtas; update the app to open it. The file was not changed.',
    'read-only': 'The archive was opened read-only; nothing can be changed.',
    'backup-refused': 'The backup {file} is damaged or is not a Qirtas backup, so it was not restored; nothing was changed.',
    'invalid-argument': 'A value in the request was not valid, so nothing was changed.',
  },
  file: 'File: {file}',
  offline: 'The archive cannot be reached; is Qirtas still running?',
  detail: 'Technical details',
};

export const ERROR_SENTENCES: Record<Locale, Sentences> = { ar: AR, en: EN };


const BYTE_PARAMS = new Set(['size', 'limit']);

function fillIsolated(template: string, params: Record<string, string | number>, locale: Locale): string {
  // A size just over its limit would read "50 MB; the limit is 50 MB": then both are given to the byte.
  const { size, limit } = params;
  const exact = typeof size === 'number' && typeof limit === 'number' && formatBytes(size, locale) === formatBytes(limit, locale);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    return isolate(BYTE_PARAMS.has(key) && typeof value === 'number' ? formatBytes(value, locale, exact) : value);
  });
}

export interface WordedError {
  /** The sentence for the user, in their language. */
  text: string;
  /** The core's own message (English), for a report or a bug. */
  detail: string;
}

function apiErrorOf(error: unknown): ApiError | null {
  const candidate = (error as { error?: unknown } | null)?.error;
  if (candidate && typeof candidate === 'object' && (ERROR_CODES as readonly string[]).includes((candidate as ApiError).code)) return candidate as ApiError;
  return null;
}

/** Words any error an API call threw: by its reason when the core gave one, else by its code (and file). */
export function wordError(error: unknown, locale: Locale): WordedError {
  const sentences = ERROR_SENTENCES[locale];
  const apiError = apiErrorOf(error);
  if (!apiError) {
    const detail = error instanceof Error ? error.message : String(error);
    return { text: error instanceof TypeError ? sentences.offline : sentences.codes.INTERNAL, detail };
  }
  const params = { ...(apiError.file ? { file: apiError.file.split(/[\\/]/).pop() ?? apiError.file } : {}), ...(apiError.params ?? {}) };
  const reason = apiError.params?.reason;
  if (isErrorReason(reason)) return { text: fillIsolated(sentences.reasons[reason], params, locale), detail: apiError.message };
  const text = sentences.codes[apiError.code] ?? sentences.codes.INTERNAL;
  return { text: 'file' in params ? `${text} ${fillIsolated(sentences.file, params, locale)}` : text, detail: apiError.message };
}
