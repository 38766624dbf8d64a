// What a plan file's text may do to a terminal: nothing. A title holding
// `ESC]0;…BEL` would retitle the window, `ESC[2J` clear the screen, an OSC 8
// sequence plant a link, U+009B start a command on some terminals, and a bidi
// override (U+202E) reorder what is shown. Every human-facing output shows such
// characters as escapes instead (`\x1b`, `\x9b`, `\u202e`), as git and less do.
// JSON output needs none of this: JSON.stringify escapes the controls, and
// readers get the text as it is.

/** C0 controls but line break and tab, DEL, C1 controls, and the bidi controls. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
/** As UNSAFE, tab and line break included: for one field of a view. */
const UNSAFE_IN_FIELD = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The colour sequences plan's own views emit (SGR), kept when asked. */
const STYLE_OR_UNSAFE = new RegExp(`(\\x1b\\[[0-9;]*m)|${UNSAFE.source}`, 'g');

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x09) return '\\t';
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `s` ready for a terminal: controls and bidi characters written as escapes;
 * line breaks and tabs kept (the layout of a whole output). With `keepStyle`,
 * SGR colour sequences are kept too: for the views plan colours itself, whose
 * text from the file has already been through `visibleField`.
 */
export function visible(s: string, keepStyle = false): string {
  if (!keepStyle) return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, escapeControl) : s;
  return s.replace(STYLE_OR_UNSAFE, (m, style: string | undefined) => style ?? escapeControl(m));
}

/** One value from the file ready for a view: tabs and line breaks escaped too. */
export function visibleField(s: string): string {
  UNSAFE_IN_FIELD.lastIndex = 0;
  return UNSAFE_IN_FIELD.test(s) ? s.replace(UNSAFE_IN_FIELD, escapeControl) : s;
}

/**
 * JSON text with DEL, C1 and bidi controls written `\u009b`: JSON.stringify
 * escapes C0 controls only, and a terminal showing `--json` output would act on
 * the others. Outside strings JSON is ASCII, so the value read back is the same.
 */
export function jsonVisible(json: string): string {
  return json.replace(/[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Colour sequences copied from elsewhere (a library's stack trace): dropped, not shown. */
export function withoutStyle(s: string): string {
  return s.replace(/\x1b\[[0-9;]*m/g, '');
}
