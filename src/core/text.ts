// Provider text made safe to show: one short line, no markup, no control or bidi characters.

/** Control characters, line/paragraph separators, zero-width and bidi formatting characters. */
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '‹', gt: '›', quot: '"', '#39': "'" };

/** Flattens provider text to one short line: no markup, no control or bidi characters. */
export function cleanText(text: string, max = 300): string {
  const flat = stripMarkup(text)
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!)
    .replace(UNPRINTABLE_ALL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/**
 * Drops tags, comments and script/style contents in one linear pass (a regex such as /<[^>]*>/g is quadratic on
 * a hostile body full of '<'); an unterminated tag drops the rest.
 */
function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  const lower = text.toLowerCase();
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      parts.push(text.slice(i));
      break;
    }
    parts.push(text.slice(i, lt), ' ');
    let end: number;
    if (text.startsWith('<!--', lt)) {
      end = text.indexOf('-->', lt + 4);
      end = end < 0 ? -1 : end + 2;
    } else {
      end = text.indexOf('>', lt);
      const element = /^<(script|style)\b/.exec(lower.slice(lt, lt + 8))?.[1];
      if (element && end >= 0) {
        const close = lower.indexOf(`</${element}`, end);
        end = close < 0 ? -1 : text.indexOf('>', close);
      }
    }
    if (end < 0) break;
    i = end + 1;
  }
  return parts.join('');
}
