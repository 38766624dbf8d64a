// plan serve's page, bundled as text (esbuild's text loader and the page-script plugin in scripts/build.mjs).
declare module '*.html' {
  const text: string;
  export default text;
}
declare module '*.css' {
  const text: string;
  export default text;
}
/** src/serve/page/app.ts, built for the browser. */
declare module 'plan-serve-page-script' {
  const text: string;
  export default text;
}
