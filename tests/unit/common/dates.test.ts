// Published dates the Arabic ways, and their rendering in both calendars (Umm al-Qura through Intl).
import { describe, expect, it } from 'vitest';
import { formatDual, hijriToGregorian, isDateline, parsePublishedDate, toWesternDigits } from '../../../common/dates.js';

describe('parsePublishedDate', () => {
  const table: Array<[string, string | null]> = [
    ['٢٠٢٤/١٢/٠٧', '2024-12-07'],
    ['۲۰۲۴/۱۲/۰۷', '2024-12-07'],
    ['2024-12-07', '2024-12-07'],
    ['2024-12-07T23:30:00-05:00', '2024-12-07'], // the date as the publisher wrote it, no time-zone shift
    ['07/12/2024', '2024-12-07'], // day first, as Arabic sources write it
    ['٧/١٢/٢٠٢٤', '2024-12-07'],
    ['7 كانون الأول 2024', '2024-12-07'],
    ['7 كانون الاول 2024', '2024-12-07'],
    ['7 ديسمبر 2024', '2024-12-07'],
    ['٧ ديسمبر ٢٠٢٤', '2024-12-07'],
    ['السبت 7 ديسمبر/كانون الأول 2024', '2024-12-07'],
    ['نُشر في 7 من ديسمبر، 2024', '2024-12-07'],
    ['11 آذار 2024', '2024-03-11'],
    ['1 أيار 2023', '2023-05-01'],
    ['15 أوت 2021', '2021-08-15'],
    ['1 جانفي 2020', '2020-01-01'],
    ['3 يونيه 2019', '2019-06-03'],
    ['7 ديسمبر 2024م', '2024-12-07'],
    ['2024/12/07 م', '2024-12-07'],
    ['December 7, 2024', '2024-12-07'],
    ['7 Dec 2024', '2024-12-07'],
    ['5 جمادى الآخرة 1446 هـ', '2024-12-06'],
    ['6 جمادى الآخرة 1446هـ', '2024-12-07'],
    ['٦ جمادى الثانية ١٤٤٦ هـ', '2024-12-07'],
    ['1 رمضان 1445', '2024-03-11'],
    ['1 شوال 1445 هـ', '2024-04-10'],
    ['10 ذو الحجة 1445', '2024-06-16'],
    ['1446/06/06 هـ', '2024-12-07'],
    ['06/06/1446', '2024-12-07'], // a year this small is Hijri
    ['31 فبراير 2024', null],
    ['30 محرم 1446', null], // Muharram 1446 has 29 days in Umm al-Qura
    ['عام 2018', null],
    ['', null],
  ];

  it.each(table)('%s → %s', (input, expected) => {
    expect(parsePublishedDate(input)).toBe(expected);
  });
});

describe('Hijri conversion', () => {
  it('agrees with Intl’s Umm al-Qura calendar on the day the seed article was published', () => {
    expect(hijriToGregorian(1446, 6, 6)).toBe('2024-12-07');
    const parts = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(
      new Date(Date.UTC(2024, 11, 7)),
    );
    expect(parts.filter((part) => part.type !== 'literal' && part.type !== 'era').map((part) => part.value)).toEqual(['6', '6', '1446']);
  });

  it('round-trips every first of the month over a decade', () => {
    for (let year = 1440; year <= 1450; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const iso = hijriToGregorian(year, month, 1);
        expect(iso).not.toBeNull();
        const back = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`));
        expect(back).toBe(`${month}/1/${year} AH`);
      }
    }
  });
});

describe('formatDual', () => {
  it('renders Gregorian and Hijri dates in English', () => {
    expect(formatDual('2024-12-07', 'en')).toEqual({ gregorian: 'December 7, 2024', hijri: 'Jumada II 6, 1446 AH' });
  });

  it('renders Gregorian and Hijri dates in Arabic', () => {
    const { gregorian, hijri } = formatDual('2024-12-07', 'ar');
    expect(toWesternDigits(gregorian)).toMatch(/7.*ديسمبر.*2024/);
    expect(toWesternDigits(hijri)).toMatch(/6.*جمادى الآخرة.*1446/);
  });

  it('refuses something that is not a date', () => {
    expect(() => formatDual('2024-02-30', 'en')).toThrow(RangeError);
  });
});

describe('isDateline', () => {
  it.each([
    ['السبت 7 ديسمبر 2024', true],
    ['نشر في ٢٠٢٤/١٢/٠٧', true],
    ['5 جمادى الآخرة 1446 هـ الموافق 6 ديسمبر 2024 م', true],
    ['أعلنت المعارضة في 7 ديسمبر 2024 تقدمها نحو مدينة حمص', false],
  ])('%s → %s', (line, expected) => {
    expect(isDateline(line)).toBe(expected);
  });
});
