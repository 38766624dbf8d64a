// One replacement of an exact span of a text. Defined below edit/ and cache/
// because both speak it: edit/ applies edits, cache/ updates its model from them.

export interface Edit {
  start: number;
  end: number;
  /** What the span must hold now; anything else means the file changed under us. */
  expect: string;
  text: string;
}
