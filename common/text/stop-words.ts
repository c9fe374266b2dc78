/**
 * Function words (normalized spelling). They stay in the index (phrase
 * verification and find must stay complete, §2.5), but query expansion treats
 * them as exact-only and never offers them as a candidate for another word:
 * ان + ك is كان, الذين is one edit from الذي, and في + ه is فيه — expansions
 * of function words are noise, never what the reader meant.
 */

const WORDS = [
  // prepositions and particles
  'في', 'من', 'الى', 'على', 'عن', 'مع', 'ان', 'او', 'ام', 'ثم', 'لا', 'ما', 'لم', 'لن', 'قد', 'لقد', 'بل', 'اما',
  'حتى', 'متى', 'لدى', 'سوى', 'عسى', 'انى', 'عند', 'بين', 'منذ', 'لكن', 'اذا', 'اذ', 'اذن', 'اي', 'كي', 'لكي',
  'غير', 'حيث', 'ضد', 'الا', 'مثل', 'كما', 'كل', 'بعد', 'قبل', 'خلال', 'ايضا', 'هنا', 'هناك', 'الان', 'لان',
  // pronouns and demonstratives
  'هو', 'هي', 'هم', 'هما', 'هن', 'انا', 'نحن', 'انت', 'انتم', 'هذا', 'هذه', 'ذلك', 'تلك', 'هذان', 'هاتان',
  'هءلاء', 'اولءك',
  // relatives (also article exceptions)
  'التي', 'الذي', 'الذين', 'اللذان', 'اللتان', 'اللاتي', 'اللواتي',
  // kana and laysa
  'كان', 'كانت', 'كانوا', 'يكون', 'تكون', 'ليس', 'ليست',
  // the same with a conjunction
  'وقد', 'ولا', 'وما', 'ولم', 'ولن', 'وهو', 'وهي', 'وفي', 'ومن', 'وعلى', 'والى', 'وعن', 'ومع', 'وان', 'بان', 'فان',
  // prepositions with a pronoun
  'عليه', 'عليها', 'عليهم', 'فيه', 'فيها', 'فيهم', 'منه', 'منها', 'منهم', 'اليه', 'اليها', 'اليهم', 'عنه', 'عنها',
  'عنهم', 'له', 'لها', 'لهم', 'به', 'بها', 'بهم', 'انه', 'انها', 'انهم', 'انهما', 'لانه', 'لانها',
];

const STOP_WORDS: ReadonlySet<string> = new Set(WORDS);

/** Whether a normalized word is a function word. */
export function isStopWord(normalizedWord: string): boolean {
  return STOP_WORDS.has(normalizedWord);
}
