/**
 * What a server sent must never drive the terminal. undici passes a status reason phrase through
 * as the server wrote it (ESC, BEL, NUL, DEL, C1 controls, bidi overrides), and header values as
 * Latin-1 (C1 controls included): printed raw, a hostile server could clear the screen, fake
 * the verdict, set the window title or write the clipboard (OSC 52). The text report escapes
 * them; the JSON report keeps every value exact, as JSON escapes.
 */

/**
 * Control characters (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width
 * characters, soft hyphen), line and paragraph separators, and lone surrogates.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu

/** `\x1b`, `\x9b`, `\u202e`: the character's code, readable and inert. */
function escapeOne(ch: string): string {
  const code = ch.codePointAt(0)!
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`
}

/** `text` with every character that could steer a terminal written as an escape (`\x1b`). */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, escapeOne)
}

/** Whether `text` holds a character escapeControls would escape. */
export function hasControls(text: string): boolean {
  UNSAFE.lastIndex = 0
  return UNSAFE.test(text)
}

/**
 * Characters JSON.stringify leaves raw that a terminal may act on (DEL, C1, format characters,
 * U+2028/9). Inside a JSON string, `\uXXXX` parses back to the same character: exact, and inert.
 */
const JSON_UNSAFE = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu

/** JSON.stringify, with the characters it leaves raw written as `\uXXXX` escapes. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) => {
    let out = ''
    // One escape per UTF-16 unit: an astral format character is a surrogate pair.
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`
    return out
  })
}
