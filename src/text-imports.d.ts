// Files imported by the code as text (esbuild's text loader in scripts/build.mjs,
// and a plugin of vitest.config.ts for the tests): `plan help`'s topics and the
// completion scripts.
declare module '*.md' {
  const text: string;
  export default text;
}
declare module '*.bash' {
  const text: string;
  export default text;
}
declare module '*.zsh' {
  const text: string;
  export default text;
}
declare module '*.fish' {
  const text: string;
  export default text;
}
