// The page's files, bundled as text into plan serve's lazy bundle (scripts/build.mjs): the HTML and the
// stylesheet as they are, the script built for the browser from page/app.ts. Nothing is read from disk
// at run time and nothing comes from a CDN: the board works offline.

import html from './page/index.html';
import style from './page/style.css';
import script from 'plan-serve-page-script';
import type { PageAssets } from './server.js';

export const PAGE_ASSETS: PageAssets = { html, style, script };
