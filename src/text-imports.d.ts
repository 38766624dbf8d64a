// Markdown files imported by the code are bundled as text (esbuild's text
// loader in scripts/build.mjs): `plan help`'s topics.
declare module '*.md' {
  const text: string;
  export default text;
}
